package dev.leaderboard.command.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.command.actions.Ids;
import dev.leaderboard.command.actions.RequestMetadata;
import dev.leaderboard.events.FlagResolved;
import dev.leaderboard.events.PlayerFlagged;
import dev.leaderboard.events.PlayerReinstated;
import dev.leaderboard.events.PlayerSuspended;
import dev.leaderboard.events.ScoreAdjusted;
import dev.leaderboard.events.ScoreIncreased;
import dev.leaderboard.events.WindowTotals;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;
import java.util.Map;

/** The audit log of one player, read straight from the event store, oldest first, streamed without buffering. */
@RestController
public class PlayerHistoryController {

    private final EventStore eventStore;
    private final ObjectMapper json;

    public PlayerHistoryController(EventStore eventStore, ObjectMapper json) {
        this.eventStore = eventStore;
        this.json = json;
    }

    @GetMapping(path = "/api/v1/admin/players/{userId}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<StreamingResponseBody> history(
            @PathVariable @Pattern(regexp = Ids.NAME, message = "must be 1-64 of [A-Za-z0-9._-]") String userId) {
        if (eventStore.lastSequenceNumberFor(userId).isEmpty()) {
            throw new UnknownPlayerException(userId);
        }
        StreamingResponseBody body = out -> {
            DomainEventStream events = eventStore.readEvents(userId, 0);
            try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
                generator.writeStartArray();
                while (events.hasNext()) {
                    json.writeValue(generator, toEntry(events.next()));
                }
                generator.writeEndArray();
            }
        };
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    static HistoryEntry toEntry(DomainEventMessage<?> message) {
        MetaData meta = message.getMetaData();
        Origin origin = new Origin((String) meta.get(RequestMetadata.CLIENT_IP),
                (String) meta.get(RequestMetadata.USER_AGENT), (String) meta.get(RequestMetadata.REQUEST_ID),
                (String) meta.get(RequestMetadata.SUBMITTED_BY), (String) meta.get(RequestMetadata.TRACE_ID));
        long seq = message.getSequenceNumber();
        return switch (message.getPayload()) {
            case ScoreIncreased e -> origin.entry(seq, "ScoreIncreased", e.leaderboardId(), e.actionId(),
                    e.actionType(), e.points(), e.totals(), null, e.occurredAt(), null, null, null, null, null)
                    .inSegment(e.segment());
            case ScoreAdjusted e -> origin.entry(seq, "ScoreAdjusted", e.leaderboardId(), e.adjustmentId(), null,
                    e.points(), e.totals(), e.reason(), e.occurredAt(), e.operator(), null, null, null, null)
                    .inSegment(e.segment());
            case PlayerSuspended e -> origin.entry(seq, "PlayerSuspended", null, null, null, null, null, e.reason(),
                    e.occurredAt(), e.operator(), e.flagId(), null, null, null);
            case PlayerReinstated e -> origin.entry(seq, "PlayerReinstated", null, null, null, null, null,
                    e.reason(), e.occurredAt(), e.operator(), null, null, null, null);
            case PlayerFlagged e -> origin.entry(seq, "PlayerFlagged", null, null, null, null, null, null,
                    e.occurredAt(), null, e.flagId(), e.rule(), e.evidence(), null);
            case FlagResolved e -> origin.entry(seq, "FlagResolved", null, null, null, null, null, e.reason(),
                    e.occurredAt(), e.operator(), e.flagId(), null, null, e.resolution());
            default -> origin.entry(seq, message.getPayloadType().getSimpleName(), null, null, null, null, null,
                    null, message.getTimestamp(), null, null, null, null, null);
        };
    }

    /** Where the command behind an event came from (event metadata). */
    private record Origin(String clientIp, String userAgent, String requestId, String submittedBy, String traceId) {

        HistoryEntry entry(long sequenceNumber, String type, String leaderboardId, String actionId,
                           String actionType, Long points, WindowTotals totals, String reason, Instant time,
                           String operator, String flagId, String rule, Map<String, Object> evidence,
                           String resolution) {
            return new HistoryEntry(sequenceNumber, type, leaderboardId, actionId, actionType, points, totals,
                    reason, time, clientIp, userAgent, requestId, submittedBy, traceId, operator, flagId, rule,
                    evidence, resolution, null);
        }
    }
}
