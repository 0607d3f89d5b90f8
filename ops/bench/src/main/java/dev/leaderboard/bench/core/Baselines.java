package dev.leaderboard.bench.core;

import redis.clients.jedis.*;

import java.time.*;
import java.time.temporal.ChronoUnit;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

/**
 * The same-run baselines: the simplest code that writes what the server writes, with the server idle, into scratch
 * tables (schema {@value #SCRATCH}) and Redis keys of the bench's own. One shape: {@code connections} writers claim
 * batches of item numbers until {@code total} are written or the time limit passes; each batch is timed.
 */
public final class Baselines {

    public static final String SCRATCH = "bench_scratch";

    /** Writes items {@code first} (inclusive) to {@code end} (exclusive). */
    public interface Batch {
        void write(long first, long end) throws Exception;
    }

    /** One connection's writer: the connection, closed at the end, and what it does per batch. */
    public record Writer(AutoCloseable connection, Batch batch) {
    }

    public interface Pipelined {
        void add(Pipeline pipeline, long i);
    }

    public record Result(long written, Duration elapsed, Latencies latencies, CpuMeter.Usage cpu) {

        public double perSecond() {
            return elapsed.isZero() ? 0 : written / (elapsed.toNanos() / 1e9);
        }

        /** A note for the baseline's name when the time limit stopped it before {@code total}. */
        public String cut(long total) {
            return written >= total ? "" : " [first %,d: time limit]".formatted(written);
        }
    }

    private final Target target;

    public Baselines(Target target) {
        this.target = target;
    }

    /** A sorted-set member of the server's size and order: the inverted reach time in µs (16 digits), the user. */
    public static String member(Instant reachedAt, String userId) {
        return String.format("%016d:%s", 9_999_999_999_999_999L - ChronoUnit.MICROS.between(Instant.EPOCH,
                reachedAt), userId);
    }

    public Jedis redis() {
        return new Jedis("127.0.0.1", target.embedded().redisPort(), 30_000);
    }

    public Result run(int connections, long total, int batch, Duration limit, Callable<Writer> opener)
            throws Exception {
        List<Writer> writers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
            for (int i = 0; i < connections; i++) {
                writers.add(opener.call());
            }
            AtomicLong next = new AtomicLong();
            AtomicLong written = new AtomicLong();
            CpuMeter cpu = target.meter();
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

    /** {@code warmup} unmeasured items, then {@code total} measured ones, one pipeline per batch on each connection. */
    public Result pipelined(int connections, long warmup, long total, int batch, Duration limit, Pipelined items)
            throws Exception {
        Callable<Writer> opener = () -> {
            Jedis jedis = redis();
            return new Writer(jedis, (first, end) -> {
                Pipeline pipeline = jedis.pipelined();
                for (long i = first; i < end; i++) {
                    items.add(pipeline, i);
                }
                pipeline.sync();
            });
        };
        if (warmup > 0) {
            run(connections, warmup, batch, Duration.ofSeconds(30), opener);
        }
        return run(connections, total, batch, limit, opener);
    }

    /** Runs {@code body} with the scratch Redis {@code keys} deleted before and after. */
    public <T> T withScratchKeys(List<String> keys, Callable<T> body) throws Exception {
        try (Jedis redis = redis()) {
            redis.del(keys.toArray(String[]::new));
            try {
                return body.call();
            } finally {
                redis.unlink(keys.toArray(String[]::new));
            }
        }
    }

    /** Runs {@code body} with empty copies of the server's {@code tables} (an event store with its own sequence). */
    public <T> T withScratchTables(Callable<T> body, String... tables) throws Exception {
        List<String> create = new ArrayList<>(List.of("DROP SCHEMA IF EXISTS " + SCRATCH + " CASCADE",
                "CREATE SCHEMA " + SCRATCH));
        for (String table : tables) {
            create.add("CREATE TABLE %s.%s (LIKE public.%s INCLUDING ALL)".formatted(SCRATCH, table, table));
        }
        if (Arrays.asList(tables).contains("domain_event_entry")) {
            String events = SCRATCH + ".domain_event_entry";
            create.add("CREATE SEQUENCE " + SCRATCH + ".event_seq OWNED BY " + events + ".global_index");
            create.add("ALTER TABLE " + events + " ALTER COLUMN global_index SET DEFAULT nextval('" + SCRATCH
                    + ".event_seq')");
        }
        Database database = target.database();
        database.execute(create.toArray(String[]::new));
        try {
            return body.call();
        } finally {
            database.execute("DROP SCHEMA " + SCRATCH + " CASCADE");
        }
    }
}
