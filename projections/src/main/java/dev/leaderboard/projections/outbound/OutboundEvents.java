package dev.leaderboard.projections.outbound;

import dev.leaderboard.events.PeriodClosed;
import dev.leaderboard.events.PlayerReinstated;
import dev.leaderboard.events.PlayerSuspended;
import dev.leaderboard.events.ScoreAdjusted;
import dev.leaderboard.events.ScoreIncreased;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which events go to the outbound topic, and the record key of each: the key decides the partition, so all events
 * that must stay in order for a consumer share a key. Events not listed here are not published.
 */
public final class OutboundEvents {

    private final Map<Class<?>, Function<Object, String>> keys = new LinkedHashMap<>();

    /** What {@code leaderboard.score-events} carries. One line per event type. */
    public static OutboundEvents scoreEvents() {
        return new OutboundEvents()
                .with(ScoreIncreased.class, ScoreIncreased::userId)
                .with(ScoreAdjusted.class, ScoreAdjusted::userId)
                .with(PlayerSuspended.class, PlayerSuspended::userId)
                .with(PlayerReinstated.class, PlayerReinstated::userId)
                .with(PeriodClosed.class, PeriodClosed::leaderboardId);
    }

    public <E> OutboundEvents with(Class<E> type, Function<E, String> key) {
        keys.put(type, event -> key.apply(type.cast(event)));
        return this;
    }

    /** The record key of the event, or empty if it is not published. */
    public Optional<String> keyOf(Object event) {
        Function<Object, String> key = keys.get(event.getClass());
        return key == null ? Optional.empty() : Optional.of(key.apply(event));
    }
}
