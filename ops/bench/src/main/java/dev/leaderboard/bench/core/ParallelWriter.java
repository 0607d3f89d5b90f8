package dev.leaderboard.bench.core;

import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * The shape of every same-run baseline: {@code connections} writers, each with its own connection, claim the next
 * batch of item numbers until {@code total} are written or the time limit passes (no batch starts after it). The
 * CPU meter runs while the connections are open; each batch is timed.
 */
public final class ParallelWriter {

    /** Writes items {@code first} (inclusive) to {@code end} (exclusive). */
    public interface Batch {
        void write(long first, long end) throws Exception;
    }

    /** One connection's writer: the connection, closed at the end, and what it does per batch. */
    public record Writer(AutoCloseable connection, Batch batch) {
    }

    public interface Opener {
        Writer open() throws Exception;
    }

    public record Result(long written, Duration elapsed, Latencies latencies, CpuMeter.Usage cpu) {

        public double perSecond() {
            return elapsed.isZero() ? 0 : written / (elapsed.toNanos() / 1e9);
        }

        public boolean complete(long total) {
            return written >= total;
        }
    }

    public static Result run(int connections, long total, int batch, Duration limit, Supplier<CpuMeter> meter,
                             Opener opener) throws Exception {
        List<Writer> writers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
            for (int i = 0; i < connections; i++) {
                writers.add(opener.open());
            }
            AtomicLong next = new AtomicLong();
            AtomicLong written = new AtomicLong();
            CpuMeter cpu = meter.get();
            long start = System.nanoTime();
            List<Callable<long[]>> tasks = writers.stream().<Callable<long[]>>map(writer -> () -> {
                LongStream.Builder nanos = LongStream.builder();
                for (long first = next.getAndAdd(batch); first < total && System.nanoTime() - start < limit.toNanos();
                     first = next.getAndAdd(batch)) {
                    long end = Math.min(total, first + batch);
                    long started = System.nanoTime();
                    writer.batch().write(first, end);
                    nanos.add(System.nanoTime() - started);
                    written.addAndGet(end - first);
                }
                return nanos.build().toArray();
            }).toList();
            LongStream.Builder all = LongStream.builder();
            for (Future<long[]> timings : pool.invokeAll(tasks)) {
                LongStream.of(timings.get()).forEach(all::add);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new Result(written.get(), elapsed, Latencies.ofNanos(all.build().toArray()), cpu.stop());
        } finally {
            for (Writer writer : writers) {
                writer.connection().close();
            }
        }
    }
}
