package dev.leaderboard.projections.admin;

import dev.leaderboard.projections.generations.Generations;
import dev.leaderboard.projections.generations.ProjectionGenerations;
import dev.leaderboard.projections.healing.RedisRestorer;
import dev.leaderboard.projections.standings.StandingsProjector;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a projection's progress from the token store (all segments, whichever instance holds them) and the head of
 * the event store.
 */
public class ProjectionStatusReader {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final ProjectionGenerations generations;
    private final RedisRestorer restorer;
    private final Clock clock;

    public ProjectionStatusReader(JdbcTemplate jdbc, Serializer serializer, EventStore eventStore,
                                  EventProcessingConfiguration processing, ProjectionGenerations generations,
                                  RedisRestorer restorer, Clock clock) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.eventStore = eventStore;
        this.processing = processing;
        this.generations = generations;
        this.restorer = restorer;
        this.clock = clock;
    }

    /** The standings first, then every other streaming processor of this instance (e.g. the outbound publisher). */
    public List<ProjectionStatus> all() {
        List<ProjectionStatus> all = new ArrayList<>();
        all.add(standings());
        processing.eventProcessors().entrySet().stream()
                .filter(p -> p.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey)
                .filter(name -> !name.equals(StandingsProjector.PROCESSING_GROUP))
                .sorted()
                .map(this::processor)
                .forEach(all::add);
        return all;
    }

    public ProjectionStatus standings() {
        String name = StandingsProjector.PROCESSING_GROUP;
        Progress progress = progress(name);
        Generations current = generations.current();
        ProjectionStatus.Replay replayStatus = current.isBuilding()
                ? new ProjectionStatus.Replay(current.building(), current.buildingProgress())
                : null;
        String status = restorer.isRestoring() ? "restoring" : current.isBuilding() ? "replaying" : status(name);
        return progress.status(name, status, current.live(), replayStatus);
    }

    /** A processor without generations or replays: its progress through the store, and whether it runs. */
    public ProjectionStatus processor(String name) {
        return progress(name).status(name, status(name), null, null);
    }

    private Progress progress(String name) {
        List<Long> positions = tokens(name).stream().map(ProjectionStatusReader::positionOf).toList();
        long position = positions.stream().mapToLong(Long::longValue).min().orElse(0);
        long head = positionOf(eventStore.createHeadToken());
        long lag = Math.max(0, head - position);
        return new Progress(position, head, lag, lagSeconds(position, lag), positions.size());
    }

    private record Progress(long position, long head, long lag, double lagSeconds, int segments) {

        ProjectionStatus status(String name, String status, Integer liveGeneration, ProjectionStatus.Replay replay) {
            return new ProjectionStatus(name, status, position, head, lag, lagSeconds, segments, liveGeneration,
                    replay);
        }
    }

    private String status(String name) {
        Optional<EventProcessor> processor = processing.eventProcessor(name);
        if (processor.isEmpty() || !processor.get().isRunning()) {
            return "stopped";
        }
        return processor.get().isError() ? "error" : "running";
    }

    /** Age of the oldest event not yet applied; 0 when caught up. */
    private double lagSeconds(long position, long lag) {
        if (lag == 0) {
            return 0;
        }
        List<String> oldest = jdbc.queryForList(
                "SELECT time_stamp FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT 1",
                String.class, position);
        if (oldest.isEmpty()) {
            return 0;
        }
        return Math.max(0, Duration.between(Instant.parse(oldest.get(0)), clock.instant()).toMillis() / 1000.0);
    }

    /** The stored token of every segment of a processor (null for a segment that has not processed anything). */
    public List<TrackingToken> tokens(String processor) {
        return jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (rs, row) -> token(rs.getBytes(1), rs.getString(2)), processor);
    }

    private TrackingToken token(byte[] token, String tokenType) {
        if (token == null || tokenType == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, tokenType, null));
    }

    private static long positionOf(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }
}
