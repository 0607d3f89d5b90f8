package dev.leaderboard.bench.reads;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the server's heap in use ({@code jvm.memory.used}, area heap, through the actuator) every
 * {@link #INTERVAL_MS} ms while an export streams, so the report can show the heap stays flat whatever the export's
 * size. A sample is what the JVM reports at that moment (garbage not yet collected included), so the highest sample
 * is an upper bound of what the export really holds.
 */
final class HeapSampler implements AutoCloseable {

    static final long INTERVAL_MS = 200;

    record Peak(long before, long highest, int samples) {
    }

    private final ServerApi api;
    private final long before;
    private final AtomicLong highest = new AtomicLong(-1);
    private final AtomicInteger samples = new AtomicInteger();
    private final Thread thread;
    private volatile boolean stopped;

    private HeapSampler(ServerApi api) {
        this.api = api;
        this.before = api.usedHeapBytes().orElse(-1L);
        this.thread = Thread.ofPlatform().name("bench-heap-sampler").daemon().start(this::sample);
    }

    static HeapSampler start(ServerApi api) {
        return new HeapSampler(api);
    }

    private void sample() {
        while (!stopped) {
            Optional<Long> used = api.usedHeapBytes();
            used.ifPresent(bytes -> {
                highest.accumulateAndGet(bytes, Math::max);
                samples.incrementAndGet();
            });
            try {
                Thread.sleep(INTERVAL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    Peak peak() {
        return new Peak(before, highest.get(), samples.get());
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
