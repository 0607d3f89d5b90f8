package dev.leaderboard.query.live;

import dev.leaderboard.query.limits.OverCapacityException;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open live streams per client address and in total on this instance. A slot is taken before a stream opens and
 * given back exactly once when it ends, however it ends.
 */
final class StreamSlots {

    private final int maxTotal;
    private final int maxPerAddress;
    private final Duration retryAfter;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> perAddress = new ConcurrentHashMap<>();

    StreamSlots(int maxTotal, int maxPerAddress, Duration retryAfter) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
        this.retryAfter = retryAfter;
    }

    /**
     * @throws OverCapacityException 503 when this instance holds its maximum of streams (another instance may have
     *                               room), 429 when this client address holds its own maximum
     */
    Slot acquire(String address) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            throw new OverCapacityException(HttpStatus.SERVICE_UNAVAILABLE, "Too many streams",
                    "this instance holds its maximum of " + maxTotal + " live streams; retry later", retryAfter);
        }
        boolean[] admitted = {false};
        perAddress.compute(address, (key, open) -> {
            int count = open == null ? 0 : open;
            if (count >= maxPerAddress) {
                return open;
            }
            admitted[0] = true;
            return count + 1;
        });
        if (!admitted[0]) {
            total.decrementAndGet();
            throw new OverCapacityException(HttpStatus.TOO_MANY_REQUESTS, "Too many streams",
                    "this client address holds its maximum of " + maxPerAddress
                            + " live streams; close one first", retryAfter);
        }
        return new Slot(address);
    }

    int inUse() {
        return total.get();
    }

    final class Slot {
        private final String address;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String address) {
            this.address = address;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                perAddress.computeIfPresent(address, (key, open) -> open <= 1 ? null : open - 1);
                total.decrementAndGet();
            }
        }
    }
}
