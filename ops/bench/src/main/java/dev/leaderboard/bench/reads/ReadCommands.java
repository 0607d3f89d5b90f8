package dev.leaderboard.bench.reads;

import dev.leaderboard.bench.core.*;
import picocli.CommandLine.*;
import picocli.CommandLine.Model.CommandSpec;
import redis.clients.jedis.Jedis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/** The read-side scenarios (docs/benchmarks-reads.md): one subcommand each, with their same-run baselines. */
public final class ReadCommands {

    private ReadCommands() {
    }

    /** One started server; {@code --players} defaults to 1,000,000 here (the synthetic board). */
    public abstract static class ReadCommand implements Callable<Integer> {
        @Mixin
        public CommonOptions common;
        @Spec
        CommandSpec spec;

        protected String name() {
            return spec.name();
        }

        protected List<String> serverArguments() {
            return List.of();
        }

        protected abstract void run(Target target) throws Exception;

        protected int players() {
            return spec.commandLine().getParseResult().hasMatchedOption("--players") ? common.players : 1_000_000;
        }

        @Override
        public Integer call() {
            try (Target target = Target.open(name(), common, serverArguments())) {
                System.out.printf("# %s against %s, load average %s, %d CPUs, JDK %s%n", name(), target.baseUrl(),
                        CpuMeter.loadAverage(), Runtime.getRuntime().availableProcessors(), Runtime.version());
                run(target);
                return 0;
            } catch (Exception e) {
                System.out.println("FAILED: " + name() + ": " + e);
                e.printStackTrace();
                return 1;
            }
        }

        protected ServerApi api(Target target) {
            return new ServerApi(target.baseUrl(), target.tokens.service(), target.admin());
        }

        /** A second server on this one's PostgreSQL, Redis and Kafka, with extra JVM options and Spring properties. */
        protected static ServerProcess second(Target target, String name, List<String> javaOptions,
                                              List<String> springArguments, List<String> dropArguments)
                throws Exception {
            ServerProcess first = target.server().orElseThrow(() -> new IllegalStateException(name + " needs a "
                    + "server the benchmark starts (no --url)"));
            ServerProcess.Launch l = first.launch();
            List<String> java = new ArrayList<>(l.javaOptions());
            java.addAll(javaOptions);
            List<String> spring = new ArrayList<>(l.springArguments());
            spring.removeAll(dropArguments);
            spring.addAll(springArguments);
            Path data = Files.createDirectories(l.dataDirectory().resolve(name));
            Path log = Path.of(l.logFile().toString().replaceFirst("\\.log$", "-" + name + ".log"));
            target.progress.printf("[%s] starting a second server %s %s (log: %s)%n", name, javaOptions,
                    springArguments, log);
            return ServerProcess.start(new ServerProcess.Launch(l.java(), l.localJar(), java, spring, data, log,
                    Optional.empty()).attachedTo(first.embedded(), data, log));
        }

        /** The synthetic board of all-time, inserted into PostgreSQL and restored into Redis. */
        protected Board board(Target target) throws Exception {
            Board board = new Board(target.database().orElseThrow(), players());
            long start = System.nanoTime();
            long rows = board.insert("all-time", "all-time");
            long inserted = System.nanoTime();
            long restored = api(target).restore();
            System.out.printf("  board: %,d rows inserted with generate_series in %.1f s; restore into Redis: %,d rows "
                    + "in %.1f s%n", rows, (inserted - start) / 1e9, restored, (System.nanoTime() - inserted) / 1e9);
            return board;
        }
    }

    @Command(name = "reads", mixinStandardHelpOptions = true, description = "A synthetic board of --players, then "
            + "closed-loop reads (edge floor, top 10, player context) next to bare Redis (ZREVRANGE, ZREVRANK); "
            + "optionally under an open-loop write load. (--players: 1,000,000 unless given)")
    public static final class Reads extends ReadCommand {
        @Option(names = "--readers", defaultValue = "16", description = "concurrent readers, HTTP and Redis alike "
                + "(default ${DEFAULT-VALUE})")
        int readers;
        @Option(names = "--write-rate", defaultValue = "0", description = "actions/s (open loop) during the read "
                + "phases; 0 = none (default ${DEFAULT-VALUE})")
        int writeRate;
        @Option(names = "--write-via", defaultValue = "kafka", description = "kafka (records on leaderboard.actions) "
                + "or rest (POST /api/v1/actions) (default ${DEFAULT-VALUE})")
        String writeVia;
        @Option(names = "--write-players", defaultValue = "100000", description = "players of the write load, w0 … "
                + "(default ${DEFAULT-VALUE})")
        int writePlayers;

        protected void run(Target target) throws Exception {
            common.positive("--readers", readers);
            if (!List.of("kafka", "rest").contains(writeVia)) {
                common.positive("--write-via kafka|rest, so not " + writeVia + ":", 0);
            }
            board(target);
            int players = players();
            Table table = new Table("reads, %d readers, %d s measured%s".formatted(readers, common.duration,
                    writeRate == 0 ? "" : ", under " + writeRate + " actions/s via " + writeVia), "figure", "per s",
                    "p50 ms", "p99 ms", "p99.9 ms", "ko", "CPU ms/op bench / server / PG", "writes/s achieved");
            String board = "/api/v1/leaderboards/" + Board.ID;
            read(target, table, "edge floor: GET /api/v1/action-types", () -> "/api/v1/action-types");
            read(target, table, "GET rankings?limit=10", () -> board + "/rankings?limit=10");
            read(target, table, "GET players/{random}?context=5", () -> board + "/players/"
                    + Board.playerId(1 + ThreadLocalRandom.current().nextInt(players)) + "?context=5");
            try (Jedis redis = redis(target)) {
                String key = Board.redisKey(redis, Board.ID, "rank");
                List<String> members = new ArrayList<>();
                for (int i = 0; i < 2000; i++) {
                    long rank = ThreadLocalRandom.current().nextLong(redis.zcard(key));
                    members.addAll(redis.zrevrange(key, rank, rank));
                }
                redisBaseline(target, table, "Redis ZREVRANGE 0 9 WITHSCORES", j -> j.zrevrangeWithScores(key, 0, 9));
                redisBaseline(target, table, "Redis ZREVRANK (random member)", j -> j.zrevrank(key,
                        members.get(ThreadLocalRandom.current().nextInt(members.size()))));
            }
            System.out.print(table.render());
        }

        private void read(Target target, Table table, String name, Supplier<String> path) {
            Window window = new Window(Duration.ofSeconds(common.warmup), Duration.ofSeconds(common.duration),
                    Optional.of(target.phase(name.replaceAll("\\W+", "-"))));
            Optional<ReadLoad.WriteLoad> write = writeRate == 0 ? Optional.empty() : Optional.of(new ReadLoad.WriteLoad(
                    writeRate, writeVia, target.tokens.service(), target.embedded().orElseThrow().kafkaBootstrap(),
                    writePlayers, target.runId + "-" + Integer.toHexString(name.hashCode())));
            target.progress.printf("[reads] %s: %d readers, %d s + %d s%n", name, readers, common.warmup,
                    common.duration);
            GatlingStats stats = new ReadLoad(target.baseUrl(), name, path, readers, window, write).run();
            Phase.Measured measured = window.measured();
            target.checkAlive("during " + name);
            GatlingStats.Request r = stats.request(name).orElseThrow();
            double seconds = common.duration;
            String writes = write.map(w -> w.via().equals("kafka")
                    ? "%.0f (acked)".formatted(w.acknowledged().get() / (double) window.total().toSeconds())
                    : "%.0f (202)".formatted(stats.request(ReadLoad.WRITE).map(GatlingStats.Request::ok).orElse(0L)
                    / seconds)).orElse("");
            table.row(name, r.ok() / seconds, r.p50(), r.p99(), r.p999(), r.ko(), measured.cpu().perOperation(r.ok()),
                    writes);
            if (!stats.errors().isEmpty()) {
                System.out.println("  " + name + ": failed checks (warm-up included): " + stats.errors());
            }
            measured.profile().ifPresent(System.out::println);
        }

        private void redisBaseline(Target target, Table table, String name, java.util.function.Consumer<Jedis> call)
                throws Exception {
            ParallelWriter.Opener opener = () -> {
                Jedis jedis = redis(target);
                return writer(jedis, (first, end) -> call.accept(jedis));
            };
            ParallelWriter.run(readers, Long.MAX_VALUE, 1, Duration.ofSeconds(common.warmup), target::meter, opener);
            ParallelWriter.Result r = ParallelWriter.run(readers, Long.MAX_VALUE, 1,
                    Duration.ofSeconds(common.duration), target::meter, opener);
            table.row(name, r.perSecond(), r.latencies().p50(), r.latencies().p99(), r.latencies().p999(), 0L,
                    r.cpu().perOperation(r.written()), "");
        }
    }

    @Command(name = "sse", mixinStandardHelpOptions = true, description = "A synthetic board of --players, "
            + "--streams SSE streams of top=10 on Gatling, then --changes timed changes of the top: delivery from the "
            + "change's 202 to each client, and the server's fan-out timer."
            + " (--players: 1,000,000 unless given)")
    public static final class Sse extends ReadCommand {
        @Option(names = "--streams", defaultValue = "10000", description = "SSE streams (default ${DEFAULT-VALUE})")
        int streams;
        @Option(names = "--changes", defaultValue = "10", description = "timed changes of the top (default "
                + "${DEFAULT-VALUE})")
        int changes;
        @Option(names = "--change-spacing", defaultValue = "1000", description = "ms after a change reached every "
                + "client before the next, above the 250 ms throttle (default ${DEFAULT-VALUE})")
        int spacing;

        protected List<String> serverArguments() { // every stream comes from 127.0.0.1
            return List.of("--leaderboard.stream.max-connections-per-ip=" + (streams + 10),
                    "--leaderboard.stream.max-connections=" + Math.max(10_000, streams + 10));
        }

        protected void run(Target target) throws Exception {
            common.positive("--streams", streams);
            common.positive("--changes", changes);
            board(target);
            ServerApi api = api(target);
            ServerApi.ActionType type = api.richestActionType();
            if (type.points() <= Board.TOP_SCORE) {
                throw new IllegalStateException("no action type is worth more than the top score: " + type);
            }
            target.progress.printf("[sse] %,d streams, %d changes by %s-leader (%s); projections %s%n", streams,
                    changes, target.runId, type, target.admin().awaitProjections(Duration.ofMinutes(5)));
            Deliveries deliveries = new Deliveries(streams, changes, type.points());
            double[] fanOut = {api.metric("leaderboard.stream.fanout", "COUNT").orElse(0),
                    api.metric("leaderboard.stream.fanout", "TOTAL_TIME").orElse(0)};
            GatlingStats stats = new SseLoad(target.baseUrl(), target.tokens.service(), streams, changes,
                    Duration.ofMillis(spacing), target.runId + "-leader", type, target.runId,
                    Duration.ofSeconds(60 + streams / 50), deliveries).run();
            double events = api.metric("leaderboard.stream.fanout", "COUNT").orElse(0) - fanOut[0];
            double seconds = api.metric("leaderboard.stream.fanout", "TOTAL_TIME").orElse(0) - fanOut[1];
            GatlingStats.Request open = stats.request("open").orElseThrow();
            System.out.printf("  streams: %,d opened, %,d failed; open -> snapshot p50 %.0f ms, p99 %.0f ms "
                    + "(Gatling)%n",
                    open.ok(), open.ko(), open.p50(), open.p99());
            Table table = new Table("SSE delivery, ms from the change's 202 to each client's event (%,d streams)"
                    .formatted(deliveries.opened()), "change", "received", "of", "first", "p50", "p99", "last");
            List<Deliveries.Change> measured = deliveries.changes();
            measured.forEach(c -> table.row(c.number(), c.received(), c.expected(), c.first(), c.p50(), c.p99(),
                    c.last()));
            System.out.print(table.render());
            long[] first = measured.stream().mapToLong(Deliveries.Change::first).sorted().toArray();
            long[] last = measured.stream().mapToLong(Deliveries.Change::last).sorted().toArray();
            if (first.length > 0) {
                System.out.printf("  over %d changes: first client p50 %d / p99 %d ms, last client p50 %d / p99 %d "
                        + "ms%n", first.length, Deliveries.at(first, 0.5), Deliveries.at(first, 0.99),
                        Deliveries.at(last, 0.5), Deliveries.at(last, 0.99));
            }
            System.out.printf("  server leaderboard.stream.fanout: %.0f group events, %.2f ms each (offering one "
                    + "event to all its clients)%n", events, events == 0 ? 0 : seconds * 1000 / events);
            if (!stats.errors().isEmpty()) {
                System.out.println("  failed checks: " + stats.errors());
            }
        }
    }

    public interface Batch {
        void write(long first, long end) throws Exception;
    }

    public static ParallelWriter.Writer writer(AutoCloseable connection, Batch batch) {
        return new ParallelWriter.Writer() {
            public void write(long first, long end) throws Exception {
                batch.write(first, end);
            }

            public void close() throws Exception {
                connection.close();
            }
        };
    }

    static Jedis redis(Target target) {
        return new Jedis("127.0.0.1", target.embedded().orElseThrow().redisPort());
    }
}
