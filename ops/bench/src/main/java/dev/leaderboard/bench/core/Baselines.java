package dev.leaderboard.bench.core;

import redis.clients.jedis.*;

import java.time.*;
import java.time.temporal.ChronoUnit;
import java.util.*;
import java.util.concurrent.Callable;

/**
 * The same-run baselines' facility: the simplest code that writes what the server writes, run by
 * {@link ParallelWriter} with the server idle, into scratch copies of the server's tables (schema
 * {@value #SCRATCH}, dropped afterwards) and scratch Redis keys of the bench's own (deleted afterwards), never into
 * the server's own tables or keys.
 */
public final class Baselines {

    public static final String SCRATCH = "bench_scratch";

    /** @param unit what one latency sample times */
    public record Baseline(String name, ParallelWriter.Result result, String unit) {
    }

    private final Target target;

    public Baselines(Target target) {
        this.target = target;
    }

    /**
     * A sorted-set member the size of the server's: the inverted reach time in µs (16 digits), then the user id. Only
     * for sizes and order: the baselines write keys of their own, so the server's layout stays the server's.
     */
    public static String member(Instant reachedAt, String userId) {
        return String.format("%016d:%s", 9_999_999_999_999_999L - ChronoUnit.MICROS.between(Instant.EPOCH,
                reachedAt), userId);
    }

    public static String cut(ParallelWriter.Result result, long total) {
        return result.complete(total) ? "" : " [first %,d: time limit]".formatted(result.written());
    }

    public Jedis redis() {
        return new Jedis("127.0.0.1", target.embedded().redisPort(), 30_000);
    }

    public ParallelWriter.Result run(int connections, long total, int batch, Duration limit,
                                     ParallelWriter.Opener opener) throws Exception {
        return ParallelWriter.run(connections, total, batch, limit, target::meter, opener);
    }

    /** Adds item {@code i}'s commands to a pipeline. */
    public interface Pipelined {
        void add(Pipeline pipeline, long i);
    }

    /**
     * {@code warmup} unmeasured items, then {@code total} measured ones, one pipeline per batch on each of
     * {@code connections}; the scratch {@code keys} are deleted before and after.
     */
    public ParallelWriter.Result pipelined(List<String> keys, int connections, long warmup, long total, int batch,
                                           Duration limit, Pipelined items) throws Exception {
        ParallelWriter.Opener opener = () -> {
            Jedis jedis = redis();
            return new ParallelWriter.Writer(jedis, (first, end) -> {
                Pipeline pipeline = jedis.pipelined();
                for (long i = first; i < end; i++) {
                    items.add(pipeline, i);
                }
                pipeline.sync();
            });
        };
        try (Jedis redis = redis()) {
            redis.del(keys.toArray(String[]::new));
            try {
                if (warmup > 0) {
                    run(connections, warmup, batch, Duration.ofSeconds(30), opener);
                }
                return run(connections, total, batch, limit, opener);
            } finally {
                redis.unlink(keys.toArray(String[]::new));
            }
        }
    }

    /**
     * Runs {@code body} with empty copies ({@code LIKE … INCLUDING ALL}) of the server's {@code tables} in schema
     * {@value #SCRATCH}; a copy of the event store gets a sequence of its own, not the store's.
     */
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
