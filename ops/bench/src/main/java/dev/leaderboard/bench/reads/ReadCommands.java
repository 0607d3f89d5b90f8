package dev.leaderboard.bench.reads;

import dev.leaderboard.bench.core.*;
import picocli.CommandLine.*;
import redis.clients.jedis.*;

import java.time.Duration;
import java.util.*;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.*;
import java.util.stream.IntStream;

/**
 * The read-side scenarios (docs/benchmarks-reads.md) on a synthetic board of {@code --players} (1,000,000 unless
 * given), with their same-run baselines.
 */
public final class ReadCommands {

    private ReadCommands() {
    }

    @Command(name = "reads", mixinStandardHelpOptions = true, description = "A synthetic board of --players, then "
            + "closed-loop reads (edge floor, top 10, player context) next to bare Redis (ZREVRANGE, ZREVRANK) on a "
            + "sorted set of the same members and scores; optionally under an open-loop write load. "
            + "(--players: 1,000,000 unless given)")
    public static final class Reads extends Scenario {
        @Option(names = "--readers", defaultValue = "16", converter = AtLeastOne.class,
                description = "concurrent readers, HTTP and Redis alike (default ${DEFAULT-VALUE})")
        int readers;
        @Option(names = "--write-rate", defaultValue = "0", description = "actions/s (open loop) during the read "
                + "phases; 0 = none (default ${DEFAULT-VALUE})")
        int writeRate;
        @Option(names = "--write-via", defaultValue = "kafka", description = "kafka (records on leaderboard.actions) "
                + "or rest (POST /api/v1/actions): ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
        ReadLoad.Via writeVia;
        @Option(names = "--write-players", defaultValue = "100000", description = "players of the write load, w0 … "
                + "(default ${DEFAULT-VALUE})")
        int writePlayers;

        protected void run(Target target) throws Exception {
            Board board = Board.allTime(target, players(Board.PLAYERS));
            Table table = new Table("reads, %d readers, %d s measured%s".formatted(readers, duration,
                    writeRate == 0 ? "" : ", under " + writeRate + " actions/s via " + writeVia), "figure", "per s",
                    "p50 ms", "p99 ms", "p99.9 ms", "ko", "CPU ms/op bench / server / PG", "writes/s achieved");
            String path = "/api/v1/leaderboards/" + Board.ID;
            read(target, table, "edge floor: GET /api/v1/action-types", () -> "/api/v1/action-types");
            read(target, table, "GET rankings?limit=10", () -> path + "/rankings?limit=10");
            read(target, table, "GET players/{random}?context=5", () -> path + "/players/"
                    + Board.playerId(1 + ThreadLocalRandom.current().nextInt(board.players())) + "?context=5");
            Baselines baselines = new Baselines(target);
            String key = "bench:" + target.runId + ":rank";
            baselines.withScratchKeys(List.of(key), () -> { // a sorted set of the board's members and scores
                baselines.pipelined(1, 0, board.players(), 10_000, Duration.ofMinutes(10),
                        (pipeline, i) -> pipeline.zadd(key, board.score(i + 1), board.member(i + 1)));
                redisBaseline(baselines, table, "Redis ZREVRANGE 0 9 WITHSCORES", j -> j.zrevrangeWithScores(key, 0,
                        9));
                List<String> members = IntStream.range(0, 2000).mapToObj(k -> board.member(1 + ThreadLocalRandom
                        .current().nextInt(board.players()))).toList();
                redisBaseline(baselines, table, "Redis ZREVRANK (random member)", j -> j.zrevrank(key,
                        members.get(ThreadLocalRandom.current().nextInt(members.size()))));
                return null;
            });
            System.out.print(table.render());
        }

        private void read(Target target, Table table, String name, Supplier<String> path) {
            Optional<ReadLoad.WriteLoad> write = writeRate == 0 ? Optional.empty() : Optional.of(new ReadLoad.WriteLoad(
                    writeRate, writeVia, target.tokens.service(), target.embedded().kafkaBootstrap(), writePlayers,
                    target.runId + "-" + Integer.toHexString(name.hashCode()), new AtomicLong()));
            target.progress.printf("[reads] %s: %d readers, %d s + %d s%n", name, readers, warmup,
                    duration);
            Target.Load load = target.load(ReadLoad.Load.class, new ReadLoad(target.baseUrl(), name, path, readers,
                    write), name);
            GatlingStats.Request r = load.request();
            double seconds = duration;
            String writes = write.map(w -> w.via() == ReadLoad.Via.kafka
                    ? "%.0f (acked)".formatted(w.acknowledged().get() / seconds)
                    : "%.0f (202)".formatted(load.stats().request(ReadLoad.WRITE).map(GatlingStats.Request::ok)
                    .orElse(0L) / seconds)).orElse("");
            table.row(name, r.ok() / seconds, r.p50(), r.p99(), r.p999(), r.ko(),
                    load.phase().cpu().perOperation(r.ok()), writes);
            load.printNotes();
        }

        /** {@code readers} connections, one command in flight each, for the warm-up, then the measured duration. */
        private void redisBaseline(Baselines baselines, Table table, String name, Consumer<Jedis> call)
                throws Exception {
            Baselines.Opener opener = () -> {
                Jedis jedis = baselines.redis();
                return new Baselines.Writer(jedis, (first, end) -> call.accept(jedis));
            };
            baselines.run(readers, Long.MAX_VALUE, 1, Duration.ofSeconds(warmup), opener);
            Baselines.Result r = baselines.run(readers, Long.MAX_VALUE, 1, Duration.ofSeconds(duration),
                    opener);
            table.row(name, r.perSecond(), r.latencies().p50(), r.latencies().p99(), r.latencies().p999(), 0L,
                    r.cpu().perOperation(r.written()), "");
        }
    }
}
