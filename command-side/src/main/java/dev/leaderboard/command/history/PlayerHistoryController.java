package dev.leaderboard.command.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.command.actions.Ids;
import dev.leaderboard.command.actions.RequestMetadata;
import dev.leaderboard.events.ScoreIncreased;
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
        String clientIp = (String) meta.get(RequestMetadata.CLIENT_IP);
        String userAgent = (String) meta.get(RequestMetadata.USER_AGENT);
        String requestId = (String) meta.get(RequestMetadata.REQUEST_ID);
        String submittedBy = (String) meta.get(RequestMetadata.SUBMITTED_BY);
        Object payload = message.getPayload();
        if (payload instanceof ScoreIncreased e) {
            return new HistoryEntry(message.getSequenceNumber(), "ScoreIncreased", e.leaderboardId(), e.actionId(),
                    e.actionType(), e.points(), e.totals(), null, e.occurredAt(), clientIp, userAgent, requestId,
                    submittedBy);
        }
        return new HistoryEntry(message.getSequenceNumber(), message.getPayloadType().getSimpleName(), null, null,
                null, null, null, null, message.getTimestamp(), clientIp, userAgent, requestId, submittedBy);
    }
}
