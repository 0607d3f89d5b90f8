package dev.leaderboard.bench.projections;

import dev.leaderboard.bench.core.*;
import dev.leaderboard.bench.reads.ReadCommands;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

import java.sql.*;
import java.time.Duration;

/**
 * The catch-up's same-run baselines, run with the server idle on its Redis and PostgreSQL, in the processor's batch
 * size with as many connections as it has threads: the 4 standings (all-time, day, week, month) of each filled event
 * written by the simplest code that could write them, into scratch keys and a scratch copy of {@code standing}.
 *
 * @param periods the seed's period keys: all-time, daily, weekly, monthly
 */
record Baselines(Target target, EventFill fill, long points, String[] periods, int connections, int batch,
                 Duration limit) {

    static final String[] WINDOWS = {"all-time", "daily", "weekly", "monthly"};

    private String member(long event) {
        return "%019d:%s".formatted(Long.MAX_VALUE - fill.occurredAt(event).toEpochMilli(), fill.userId(event));
    }

    private Jedis redis() {
        return new Jedis("127.0.0.1", target.embedded().orElseThrow().redisPort());
    }

    /** (a) one pipeline per batch of {@code ZADD total member}, 4 per event. */
    ParallelWriter.Result zadd() throws Exception {
        String[] keys = new String[4];
        for (int w = 0; w < 4; w++) {
            keys[w] = "bench:{global|" + WINDOWS[w] + "|" + periods[w] + "}:rank";
        }
        try (Jedis redis = redis()) {
            redis.del(keys);
            return ParallelWriter.run(connections, fill.events(), batch, limit, target::meter, () -> {
                Jedis jedis = redis();
                return ReadCommands.writer(jedis, (first, end) -> {
                    Pipeline pipeline = jedis.pipelined();
                    for (long i = first; i < end; i++) {
                        for (String key : keys) {
                            pipeline.zadd(key, fill.total(i, points), member(i));
                        }
                    }
                    pipeline.sync();
                });
            });
        } finally {
            try (Jedis redis = redis()) {
                redis.unlink(keys);
            }
        }
    }

    /** (b) the projection's upsert ({@code unnest}, rows sorted by key), one autocommit statement per batch. */
    ParallelWriter.Result upsert() throws Exception {
        Database database = target.database().orElseThrow();
        database.execute("DROP SCHEMA IF EXISTS bench_scratch CASCADE", "CREATE SCHEMA bench_scratch",
                "CREATE TABLE bench_scratch.standing (LIKE public.standing INCLUDING ALL)");
        try {
            return ParallelWriter.run(connections, fill.events(), batch, limit, target::meter, () -> {
                Connection connection = database.connect();
                PreparedStatement upsert = connection.prepareStatement("""
                        INSERT INTO bench_scratch.standing (generation, leaderboard_id, time_window, period, user_id,
                                                            score, reached_at, version)
                        SELECT 1, * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[],
                                                ?::timestamptz[], ?::bigint[])
                        ON CONFLICT (generation, leaderboard_id, time_window, period, user_id) DO UPDATE
                        SET score = EXCLUDED.score, reached_at = EXCLUDED.reached_at, version = EXCLUDED.version
                        WHERE standing.version < EXCLUDED.version""");
                return ReadCommands.writer(connection, (first, end) -> {
                    int n = (int) (end - first) * 4;
                    Object[][] columns = {new String[n], new String[n], new String[n], new String[n], new Long[n],
                            new Timestamp[n], new Long[n]};
                    int row = 0;
                    for (int w = 0; w < 4; w++) { // by window, then by event: one player once per window and batch
                        for (long i = first; i < end; i++, row++) {
                            Object[] values = {"global", WINDOWS[w], periods[w], fill.userId(i), fill.total(i, points),
                                    Timestamp.from(fill.occurredAt(i)), i / fill.users()};
                            for (int c = 0; c < 7; c++) {
                                columns[c][row] = values[c];
                            }
                        }
                    }
                    String[] types = {"varchar", "varchar", "varchar", "varchar", "bigint", "timestamptz", "bigint"};
                    for (int c = 0; c < 7; c++) {
                        upsert.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
                    }
                    upsert.executeUpdate();
                });
            });
        } finally {
            database.execute("DROP SCHEMA bench_scratch CASCADE");
        }
    }
}
