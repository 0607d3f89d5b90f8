package dev.leaderboard.server.projections;

import dev.leaderboard.events.PeriodTotal;
import dev.leaderboard.events.PlayerReinstated;
import dev.leaderboard.events.PlayerSuspended;
import dev.leaderboard.events.ScoreAdjusted;
import dev.leaderboard.events.ScoreIncreased;
import dev.leaderboard.events.WindowTotals;
import dev.leaderboard.windows.TimeWindow;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds a player's events as the User aggregate would (aggregate type {@code User}, the user id as identifier, the
 * next sequence number, absolute totals after each event) and appends them straight to the event store, so tests
 * can suspend, adjust and reinstate without the command side.
 */
final class PlayerEvents {

    private final EventStore store;
    private final Map<String, Long> nextSequence = new HashMap<>();
    private final Map<String, Long> totals = new HashMap<>();

    PlayerEvents(EventStore store) {
        this.store = store;
    }

    DomainEventMessage<?> increase(String user, String board, long points, Instant at) {
        return message(user, new ScoreIncreased(user, board, UUID.randomUUID().toString(), "quiz-completed", points,
                add(user, board, points, at), at, Map.of()));
    }

    DomainEventMessage<?> adjust(String user, String board, long points, Instant at) {
        return message(user, new ScoreAdjusted(user, board, UUID.randomUUID().toString(), points,
                add(user, board, points, at), "test correction", "operator-1", at));
    }

    DomainEventMessage<?> suspend(String user, Instant at) {
        return message(user, new PlayerSuspended(user, "test suspension", "operator-1", null, at));
    }

    DomainEventMessage<?> reinstate(String user, Instant at) {
        return message(user, new PlayerReinstated(user, "test reinstatement", "operator-1", at));
    }

    /** Appends the events in one call: the processor reads them in one batch. */
    void append(DomainEventMessage<?>... events) {
        store.publish(List.of(events));
    }

    private DomainEventMessage<?> message(String user, Object payload) {
        long sequence = nextSequence.merge(user, 1L, Long::sum) - 1;
        return new GenericDomainEventMessage<>("User", user, sequence, payload);
    }

    private WindowTotals add(String user, String board, long points, Instant at) {
        return new WindowTotals(add(user, board, TimeWindow.ALL_TIME, at, points),
                periodTotal(user, board, TimeWindow.DAILY, at, points),
                periodTotal(user, board, TimeWindow.WEEKLY, at, points),
                periodTotal(user, board, TimeWindow.MONTHLY, at, points));
    }

    private PeriodTotal periodTotal(String user, String board, TimeWindow window, Instant at, long points) {
        return new PeriodTotal(window.periodOf(at).key(), add(user, board, window, at, points));
    }

    /** A total never goes below 0, as the aggregate decides for adjustments. */
    private long add(String user, String board, TimeWindow window, Instant at, long points) {
        String key = user + "|" + board + "|" + window.id() + "|" + window.periodOf(at).key();
        return totals.compute(key, (k, old) -> Math.max(0, (old == null ? 0 : old) + points));
    }
}
