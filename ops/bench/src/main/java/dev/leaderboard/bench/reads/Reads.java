package dev.leaderboard.bench.reads;

import dev.leaderboard.bench.core.*;
import io.gatling.javaapi.core.PopulationBuilder;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.*;
import redis.clients.jedis.Jedis;

import java.net.URI;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.*;
import java.util.stream.IntStream;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Read phases on Gatling over a synthetic board: {@code --readers} closed-loop users sending {@code GET path}
 * (OK = 200) over shared keep-alive connections and, with {@code --write-rate}, an open-loop action load beside
 * them over REST (OK = 202) or Kafka; then bare Redis on a sorted set of the same members and scores.
 */
@Command(name = "reads", mixinStandardHelpOptions = true, description = "A synthetic board of --players, then "
        + "closed-loop reads (edge floor, top 10, player context) next to bare Redis (ZREVRANGE, ZREVRANK) on a "
        + "sorted set of the same members and scores; optionally under an open-loop write load. "
        + "(--players: 1,000,000 unless given)")
public final class Reads extends Scenario {

    static final String WRITE = "write";

    enum Via { kafka, rest }

    @Option(names = "--readers", defaultValue = "16", converter = AtLeastOne.class,
            description = "concurrent readers, HTTP and Redis alike (default ${DEFAULT-VALUE})")
    int readers;
    @Option(names = "--write-rate", defaultValue = "0", description = "actions/s (open loop) during the read "
            + "phases; 0 = none (default ${DEFAULT-VALUE})")
    int writeRate;
    @Option(names = "--write-via", defaultValue = "kafka", description = "kafka (records on leaderboard.actions) "
            + "or rest (POST /api/v1/actions): ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    Via writeVia;
    @Option(names = "--write-players", defaultValue = "100000", description = "players of the write load, w0 … "
            + "(default ${DEFAULT-VALUE})")
    int writePlayers;

    /** One read phase; {@code acknowledged} counts the measured run's Kafka records. */
    record ReadPhase(Reads options, String name, Supplier<String> path, URI baseUrl, String token, String bootstrap,
                     String runId, AtomicLong acknowledged) {

        String action(String user) {
            return ServerApi.action(runId + "-w" + GatlingRun.nextId(), ServerApi.ACTION_TYPE, user);
        }
    }

    protected void run(Target target) throws Exception {
        Board board = Board.allTime(target, players(Board.PLAYERS));
        Table table = new Table("reads, %d readers, %d s measured%s".formatted(readers, duration,
                writeRate == 0 ? "" : ", under " + writeRate + " actions/s via " + writeVia), "figure", "per s",
                "p50 ms", "p99 ms", "p99.9 ms", "ko", "CPU ms/op bench / server / PG", "writes/s achieved");
        String path = "/api/v1/leaderboards/" + Board.ID;
        read(target, table, "edge floor: GET /api/v1/action-types", () -> "/api/v1/action-types");
        read(target, table, "GET rankings?limit=10", () -> path + "/rankings?limit=10");
        read(target, table, "GET players/{random}?context=5", () -> path + "/players/"
                + "u" + (1 + ThreadLocalRandom.current().nextInt(board.players())) + "?context=5");
        Baselines baselines = new Baselines(target);
        String key = "bench:" + target.runId + ":rank";
        baselines.withScratchKeys(List.of(key), () -> { // a sorted set of the board's members and scores
            baselines.pipelined(1, 0, board.players(), 10_000, Duration.ofMinutes(10),
                    (pipeline, i) -> pipeline.zadd(key, board.score(i + 1), board.member(i + 1)));
            redisBaseline(baselines, table, "Redis ZREVRANGE 0 9 WITHSCORES", j -> j.zrevrangeWithScores(key, 0, 9));
            List<String> members = IntStream.range(0, 2000).mapToObj(k -> board.member(1 + ThreadLocalRandom
                    .current().nextInt(board.players()))).toList();
            redisBaseline(baselines, table, "Redis ZREVRANK (random member)", j -> j.zrevrank(key,
                    members.get(ThreadLocalRandom.current().nextInt(members.size()))));
            return null;
        });
        System.out.print(table.render());
    }

    private void read(Target target, Table table, String name, Supplier<String> path) {
        target.progress.printf("[reads] %s: %d readers, %d s + %d s%n", name, readers, warmup, duration);
        ReadPhase phase = new ReadPhase(this, name, path, target.baseUrl(), target.tokens.service(),
                target.embedded().kafkaBootstrap(), target.runId + "-" + Integer.toHexString(name.hashCode()),
                new AtomicLong());
        Target.Load load = target.load(Load.class, phase, name);
        GatlingStats.Request r = load.request();
        String writes = writeRate == 0 ? "" : writeVia == Via.kafka
                ? "%.0f (acked)".formatted(phase.acknowledged().get() / (double) duration)
                : "%.0f (202)".formatted(load.stats().request(WRITE).map(GatlingStats.Request::ok).orElse(0L)
                / (double) duration);
        table.row(name, r.ok() / (double) duration, r.p50(), r.p99(), r.p999(), r.ko(),
                load.phase().cpu().perOperation(r.ok()), writes);
        load.printNotes();
    }

    /** {@code readers} connections, one command in flight each, for the warm-up, then the measured duration. */
    private void redisBaseline(Baselines baselines, Table table, String name, Consumer<Jedis> call) throws Exception {
        Callable<Baselines.Writer> opener = () -> {
            Jedis jedis = baselines.redis();
            return new Baselines.Writer(jedis, (first, end) -> call.accept(jedis));
        };
        baselines.run(readers, Long.MAX_VALUE, 1, Duration.ofSeconds(warmup), opener);
        Baselines.Result r = baselines.run(readers, Long.MAX_VALUE, 1, Duration.ofSeconds(duration), opener);
        table.row(name, r.perSecond(), r.latencies().p50(), r.latencies().p99(), r.latencies().p999(), 0L,
                r.cpu().perOperation(r.written()), "");
    }

    public static class Load extends GatlingRun.Metered {

        private final ReadPhase phase = GatlingRun.parameters(ReadPhase.class);
        private final Reads options = phase.options();
        private final boolean measured = GatlingRun.measured();
        private KafkaProducer<String, String> producer;

        {
            List<PopulationBuilder> populations = new ArrayList<>(List.of(scenario(phase.name())
                    .exec(http(phase.name()).get(s -> phase.path().get()).check(status().is(200)))
                    .injectClosed(constantConcurrentUsers(options.readers).during(GatlingRun.during()))));
            if (options.writeRate > 0) {
                populations.add(scenario(WRITE).exec(options.writeVia == Via.kafka ? exec(s -> {
                    String user = "w" + ThreadLocalRandom.current().nextInt(options.writePlayers);
                    producer.send(new ProducerRecord<>("leaderboard.actions", user, phase.action(user)),
                            (metadata, e) -> phase.acknowledged().addAndGet(e == null && measured ? 1 : 0));
                    return s;
                }) : exec(http(WRITE).post("/api/v1/actions").header("Authorization", "Bearer " + phase.token())
                        .body(StringBody(s -> phase.action("w" + ThreadLocalRandom.current()
                                .nextInt(options.writePlayers)))).check(status().is(202))))
                        .injectOpen(constantUsersPerSec(options.writeRate).during(GatlingRun.during())));
            }
            setUp(populations).protocols(http.baseUrl(phase.baseUrl().toString()).shareConnections()
                    .contentTypeHeader("application/json").disableWarmUp());
        }

        @Override
        public void before() {
            if (options.writeRate > 0 && options.writeVia == Via.kafka) {
                producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, phase.bootstrap(),
                        ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
            }
            super.before();
        }

        @Override
        public void after() {
            super.after();
            if (producer != null) {
                producer.close();
            }
        }
    }
}
