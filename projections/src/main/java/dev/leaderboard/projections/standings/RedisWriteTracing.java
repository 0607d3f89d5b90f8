package dev.leaderboard.projections.standings;

import dev.leaderboard.eventstore.TraceOrigin;

import java.util.Set;
import java.util.function.Supplier;

/**
 * Makes a batch's Redis write a span linked to the traces of the batch's events ({@link TracedRedisWrites}), or,
 * while tracing is off, does nothing at all: {@link #OFF} collects no origin and wraps nothing.
 */
public interface RedisWriteTracing {

    RedisWriteTracing OFF = new RedisWriteTracing() {
        @Override
        public boolean isOn() {
            return false;
        }

        @Override
        public <T> T write(Set<TraceOrigin> origins, int events, Supplier<T> write) {
            return write.get();
        }
    };

    /** Whether origins are worth collecting. */
    boolean isOn();

    /** Runs a batch's Redis write, inside a span linked to the given origins when there are any. */
    <T> T write(Set<TraceOrigin> origins, int events, Supplier<T> write);
}
