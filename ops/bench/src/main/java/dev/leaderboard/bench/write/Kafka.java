package dev.leaderboard.bench.write;

import dev.leaderboard.bench.core.*;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.*;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.core.ConditionTimeoutException;
import picocli.CommandLine.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.*;
import java.util.function.Function;
import java.util.stream.*;

import static org.awaitility.Awaitility.await;

/**
 * kafka: with the server's consumer paused, the bench fills {@code leaderboard.actions}, resumes it and, after
 * {@code --warmup} s, measures for {@code --kafka-duration} (or until all is consumed): actions/s from the committed
 * offsets, events stored, the projection's {@code lagSeconds} and CPU. {@code --processes 2}: then with two processes.
 */
@Command(name = "kafka", mixinStandardHelpOptions = true, description = "A pre-filled leaderboard.actions topic "
        + "consumed by the server (--processes 2: then by two server processes), then the ingestion baselines.")
public final class Kafka extends Scenario {

    static final String TOPIC = "leaderboard.actions";
    static final String CONSUMER_PAUSED = "--leaderboard.kafka.consumer.auto-startup=false";
    private static final String INGRESS = "/api/v1/admin/ingress/kafka/";

    @Option(names = "--kafka-actions", paramLabel = "N", defaultValue = "1000000", converter = AtLeastOne.class,
            description = "actions pre-filled into leaderboard.actions (default ${DEFAULT-VALUE})")
    int actions;
    @Option(names = "--kafka-players", paramLabel = "N", defaultValue = "100000", converter = AtLeastOne.class,
            description = "players they are spread over, key = userId (default ${DEFAULT-VALUE})")
    int kafkaPlayers;
    @Option(names = "--kafka-duration", paramLabel = "S", defaultValue = "60", converter = AtLeastOne.class,
            description = "measured consumption after the resume (default ${DEFAULT-VALUE})")
    int kafkaDuration;
    @Option(names = {"--processes", "--kafka-processes"}, paramLabel = "N", defaultValue = "1",
            description = "2: then a second server process joins for a second window (default ${DEFAULT-VALUE})")
    int processes;
    @Mixin
    IngestionBaselines.Options baselines;

    private Target target;
    private String group;
    private Admin kafka;

    /**
     * The kafka scenario's records: record {@code i} is an action of player {@code i % players} (interleaved, so a
     * consumer batch holds many players), keyed by the user id, as the ingress topic's contract has it.
     */
    record FillPlan(long actions, int players, String runId) {

        public int playerOf(long action) {
            return (int) (action % players);
        }

        public String userId(int player) {
            return "k" + runId + "-" + player;
        }

        public String actionId(long action) {
            return "ka-" + runId + "-" + action;
        }

        public byte[] key(long action) {
            return userId(playerOf(action)).getBytes(StandardCharsets.UTF_8);
        }

        public byte[] value(long action) {
            return ServerApi.action(actionId(action), ServerApi.ACTION_TYPE, userId(playerOf(action)))
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    protected List<String> serverArguments() {
        return List.of(CONSUMER_PAUSED);
    }

    protected void validate() {
        check(processes == 1 || processes == 2, "--processes must be 1 or 2");
    }

    /** One window, or two with {@code --processes 2}; their table, then the ingestion baselines. */
    protected void run(Target target) throws Exception {
        this.target = target;
        group = target.settings().get("leaderboard.kafka.consumer.group-id", String.class, "leaderboard-ingress");
        Table table = new Table("kafka: %,d actions of %,d players pre-filled, consumed for up to %d s".formatted(
                actions, kafkaPlayers, kafkaDuration), "figure", "actions/s", "committed", "events stored",
                "lag p50 / p99 s", "fill rec/s", "CPU ms/action bench / server / PG", "machine");
        List<ServerApi> servers = new ArrayList<>(List.of(target.api()));
        List<WriteCommands.Ingested> rates = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                target.embedded().kafkaBootstrap()))) {
            kafka = admin;
            rates.add(window("kafka, 1 process", servers, table));
            if (processes == 2) {
                servers.add(target.api(target.join("second", List.of(), List.of())));
                rates.add(window("kafka, 2 processes", servers, table));
            }
        }
        System.out.print(table.render());
        IngestionBaselines.run(target, baselines, rates);
    }

    private WriteCommands.Ingested window(String name, List<ServerApi> servers, Table table) throws Exception {
        servers.forEach(server -> server.post(INGRESS + "pause"));
        if (servers.size() > 1) { // what the first window left unconsumed is not this window's
            get(kafka.deleteRecords(map(endOffsets(), RecordsToDelete::beforeOffset)).all());
        }
        FillPlan plan = new FillPlan(actions, kafkaPlayers, target.runId + servers.size());
        Map<TopicPartition, Long> before = endOffsets();
        long fillStart = System.nanoTime();
        fill(plan);
        double fillPerSecond = plan.actions() / ((System.nanoTime() - fillStart) / 1e9);
        Map<TopicPartition, Long> after = endOffsets();
        target.progress.printf("[kafka] filled %,d records at %,.0f/s; projections %s%n", plan.actions(), fillPerSecond,
                target.api().awaitProjections());
        AtomicLong consumed = new AtomicLong();
        AtomicLong atStart = new AtomicLong(-1);
        AtomicLong headAtStart = new AtomicLong();
        AtomicLong start = new AtomicLong();
        List<Long> lagNanos = new ArrayList<>();
        Phase phase = target.phase("kafka-" + servers.size() + "p");
        long resumed = System.nanoTime();
        servers.forEach(server -> server.post(INGRESS + "resume"));
        try { // --warmup s unmeasured; then the committed offsets and the projection's lag every 250 ms
            await("every action consumed").atMost(Duration.ofSeconds(warmup + kafkaDuration))
                    .pollInterval(Duration.ofMillis(250)).until(() -> {
                        consumed.set(consumed(before, after, committed()));
                        if (atStart.get() < 0 && System.nanoTime() - resumed >= warmup * 1_000_000_000L) {
                            headAtStart.set(target.database().queryLong("SELECT max(global_index) FROM "
                                    + "domain_event_entry"));
                            phase.start();
                            start.set(System.nanoTime());
                            atStart.set(consumed.get());
                        }
                        if (atStart.get() >= 0) {
                            servers.getFirst().standings().filter(p -> p.has("lagSeconds")).ifPresent(p ->
                                    lagNanos.add((long) (p.path("lagSeconds").asDouble() * 1e9)));
                        }
                        return atStart.get() >= 0 && consumed.get() >= plan.actions();
                    });
        } catch (ConditionTimeoutException e) {
            // the window is over: what was consumed in it is the figure
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start.get());
        Phase.Measured measured = phase.stop();
        target.checkAlive("during kafka");
        servers.forEach(server -> server.post(INGRESS + "pause"));
        long committed = consumed(before, after, committed()) - atStart.get();
        long stored = target.database().queryLong("SELECT count(*) FROM domain_event_entry WHERE global_index > "
                + headAtStart.get());
        double perSecond = committed / (elapsed.toNanos() / 1e9);
        Latencies lag = Latencies.ofNanos(lagNanos.stream().mapToLong(Long::longValue).toArray());
        table.row(name, perSecond, committed, stored, "%.1f / %.1f".formatted(lag.p50() / 1e3, lag.p99() / 1e3),
                fillPerSecond, measured.cpu().perOperation(committed), measured.cpu().machine());
        measured.profile().ifPresent(System.out::println);
        return new WriteCommands.Ingested(name, perSecond, committed);
    }

    /** How much of a fill is committed: per partition, the offsets committed past its start, up to its end. */
    static long consumed(Map<TopicPartition, Long> beforeFill, Map<TopicPartition, Long> afterFill,
                         Map<TopicPartition, Long> committed) {
        return afterFill.entrySet().stream().filter(end -> committed.containsKey(end.getKey())).mapToLong(end -> {
            long start = beforeFill.getOrDefault(end.getKey(), 0L);
            return Math.max(0, Math.min(end.getValue(), committed.get(end.getKey())) - start);
        }).sum();
    }

    private void fill(FillPlan plan) {
        AtomicReference<Exception> failed = new AtomicReference<>();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                target.embedded().kafkaBootstrap(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < plan.actions() && failed.get() == null; i++) {
                producer.send(new ProducerRecord<>(TOPIC, plan.key(i), plan.value(i)),
                        (metadata, exception) -> failed.compareAndSet(null, exception));
            }
        }
        if (failed.get() != null) {
            throw new IllegalStateException("the fill failed", failed.get());
        }
    }

    private Map<TopicPartition, Long> endOffsets() throws Exception {
        int partitions = get(kafka.describeTopics(List.of(TOPIC)).allTopicNames()).get(TOPIC).partitions().size();
        return map(get(kafka.listOffsets(IntStream.range(0, partitions).boxed().collect(Collectors.toMap(
                p -> new TopicPartition(TOPIC, p), p -> OffsetSpec.latest()))).all()), o -> o.offset());
    }

    private Map<TopicPartition, Long> committed() throws Exception {
        return get(kafka.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()).entrySet().stream()
                .filter(e -> e.getKey().topic().equals(TOPIC) && e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static <V, W> Map<TopicPartition, W> map(Map<TopicPartition, V> values, Function<V, W> function) {
        return values.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> function.apply(e.getValue())));
    }

    private static <T> T get(KafkaFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }
}
