package dev.leaderboard.bench.write;

import dev.leaderboard.bench.core.Admin;
import dev.leaderboard.bench.core.CommonOptions;
import dev.leaderboard.bench.core.Latencies;
import dev.leaderboard.bench.core.Phase;
import dev.leaderboard.bench.core.Table;
import dev.leaderboard.bench.core.Target;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.core.ConditionTimeoutException;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;

/**
 * kafka: the server starts with its ingress consumer paused; the benchmark fills {@code leaderboard.actions} with an
 * idempotent producer, resumes the consumer and measures for {@code --kafka-duration}: actions/s from the group's
 * committed offsets, events PostgreSQL stored, the standings projection's {@code lagSeconds} (sampled every 250 ms),
 * CPU. With {@code --processes 2} a second server process joins, the first window's unconsumed records are
 * deleted, and a new fill is measured with both consuming.
 */
final class KafkaIngestion {

    static final String TOPIC = "leaderboard.actions";
    static final String CONSUMER_PAUSED = "--leaderboard.kafka.consumer.auto-startup=false";

    public static final class Options {
        @Option(names = "--kafka-actions", paramLabel = "N", defaultValue = "1000000",
                description = "actions pre-filled into leaderboard.actions (default ${DEFAULT-VALUE})")
        long actions;
        @Option(names = "--kafka-players", paramLabel = "N", defaultValue = "100000",
                description = "players they are spread over, key = userId (default ${DEFAULT-VALUE})")
        int players;
        @Option(names = "--kafka-duration", paramLabel = "S", defaultValue = "60",
                description = "measured consumption after the resume (default ${DEFAULT-VALUE})")
        int duration;
        @Option(names = "--kafka-compression", paramLabel = "C", defaultValue = "lz4",
                description = "the fill producer's compression.type: none, lz4, snappy, zstd, gzip (default ${DEFAULT-VALUE})")
        String compression;
        @Option(names = "--kafka-partitions", paramLabel = "N", defaultValue = "12",
                description = "partitions, if the benchmark creates the topic (default ${DEFAULT-VALUE})")
        int partitions;
        @Option(names = {"--processes", "--kafka-processes"}, paramLabel = "N", defaultValue = "1",
                description = "1, or 2: then a second server process joins for a second window (default ${DEFAULT-VALUE})")
        int processes;
        @Option(names = "--kafka-group", paramLabel = "ID", description = "the ingress consumer group (default: the "
                + "server's leaderboard.kafka.consumer.group-id)")
        Optional<String> group = Optional.empty();
        @Option(names = "--kafka-bootstrap", paramLabel = "H:P", description = "with --url: that server's broker")
        Optional<String> bootstrap = Optional.empty();

        void validate(CommonOptions common) {
            common.check(actions >= 1 && players >= 1 && duration >= 1 && partitions >= 1,
                    "--kafka-actions, --kafka-players, --kafka-duration and --kafka-partitions must be at least 1");
            common.check(processes == 1 || processes == 2, "--processes must be 1 or 2");
            common.check(List.of("none", "lz4", "snappy", "zstd", "gzip").contains(compression),
                    "--kafka-compression must be none, lz4, snappy, zstd or gzip, not " + compression);
        }
    }

    /** One measured window. */
    record Window(long filled, double fillPerSecond, long consumed, Duration elapsed, long stored, Latencies lag,
                  List<Long> perTenSeconds, Phase.Measured phase) {

        double perSecond() {
            return consumed / (elapsed.toNanos() / 1e9);
        }
    }

    private KafkaIngestion() {
    }

    static List<WriteCommands.Ingested> run(Target target, Options options) throws Exception {
        String bootstrap = options.bootstrap.or(() -> target.embedded().map(e -> e.kafkaBootstrap()))
                .orElseThrow(() -> new IllegalStateException("kafka needs --kafka-bootstrap with --url"));
        String group = options.group.orElseGet(() -> target.settings().get("leaderboard.kafka.consumer.group-id",
                String.class, "leaderboard-ingress"));
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (org.apache.kafka.clients.admin.Admin kafka = org.apache.kafka.clients.admin.Admin.create(config)) {
            List<Admin> servers = new ArrayList<>(List.of(target.admin()));
            Window one = window(target, kafka, bootstrap, group, servers, options, target.runId + "k1", false);
            List<WriteCommands.Ingested> rates = new ArrayList<>(List.of(
                    new WriteCommands.Ingested("kafka, 1 process", one.perSecond(), one.consumed())));
            Table table = table(options);
            row(table, "kafka, 1 process", one);
            if (options.processes == 2) {
                servers.add(new Admin(target.join().baseUrl(), target.tokens.admin()));
                Window two = window(target, kafka, bootstrap, group, servers, options, target.runId + "k2", true);
                row(table, "kafka, 2 processes", two);
                rates.add(new WriteCommands.Ingested("kafka, 2 processes", two.perSecond(), two.consumed()));
            }
            System.out.print(table.render());
            return rates;
        }
    }

    private static Table table(Options options) {
        return new Table("kafka: %,d actions of %,d players pre-filled (%s), consumed for up to %d s".formatted(
                options.actions, options.players, options.compression, options.duration),
                "figure", "actions/s", "committed", "events stored", "committed per 10 s", "lag p50 / p99 s",
                "fill rec/s", "CPU ms/action bench / server / PG", "machine");
    }

    private static void row(Table table, String name, Window w) {
        table.row(name, w.perSecond(), w.consumed(), w.stored(), w.perTenSeconds().stream().map(Object::toString)
                        .collect(Collectors.joining(" ")), "%.1f / %.1f".formatted(w.lag().p50() / 1e3,
                        w.lag().p99() / 1e3), w.fillPerSecond(), w.phase().cpu().perOperation(w.consumed()),
                w.phase().cpu().machine());
        w.phase().profile().ifPresent(System.out::println);
    }

    private static Window window(Target target, org.apache.kafka.clients.admin.Admin kafka, String bootstrap,
                                 String group, List<Admin> servers, Options options, String runId, boolean dropBacklog)
            throws Exception {
        for (Admin server : servers) {
            int status = server.post("/api/v1/admin/ingress/kafka/pause").status();
            if (status == 404 || status == 405) {
                throw new IllegalStateException("the server has no Kafka ingress admin endpoint (pause answered "
                        + status + ")");
            }
        }
        if (!kafka.listTopics().names().get(30, TimeUnit.SECONDS).contains(TOPIC)) {
            kafka.createTopics(List.of(new NewTopic(TOPIC, options.partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        int partitions = kafka.describeTopics(List.of(TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS).get(TOPIC)
                .partitions().size();
        if (dropBacklog) {
            Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
            endOffsets(kafka, partitions).forEach((p, end) -> delete.put(p, RecordsToDelete.beforeOffset(end)));
            kafka.deleteRecords(delete).all().get(30, TimeUnit.SECONDS);
            target.progress.println("[kafka] deleted the records the first window left unconsumed");
        }
        KafkaFillPlan plan = new KafkaFillPlan(options.actions, options.players, runId, ActionLoad.ACTION_TYPE,
                Optional.empty());
        Map<TopicPartition, Long> before = endOffsets(kafka, partitions);
        long fillStart = System.nanoTime();
        fill(bootstrap, plan, options.compression);
        double fillPerSecond = plan.actions() / ((System.nanoTime() - fillStart) / 1e9);
        Map<TopicPartition, Long> after = endOffsets(kafka, partitions);
        long written = after.entrySet().stream().mapToLong(e -> e.getValue() - before.get(e.getKey())).sum();
        if (written != plan.actions()) {
            System.out.printf("  note: the topic grew by %,d records, the fill sent %,d%n", written, plan.actions());
        }
        target.progress.printf("[kafka] filled %,d records at %,.0f/s; projections %s%n", plan.actions(), fillPerSecond,
                target.admin().awaitProjections(Duration.ofMinutes(5)));
        var database = target.database();
        long head = database.isPresent() ? database.get().queryLong(
                "SELECT coalesce(max(global_index), 0) FROM domain_event_entry") : 0;

        AtomicLong consumed = new AtomicLong();
        ConcurrentLinkedQueue<Long> lagMillis = new ConcurrentLinkedQueue<>();
        List<Long> perTen = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService samplers = Executors.newScheduledThreadPool(2);
        Phase phase = target.phase("kafka-" + servers.size() + "p");
        phase.start();
        long start = System.nanoTime();
        servers.forEach(s -> s.post("/api/v1/admin/ingress/kafka/resume"));
        AtomicLong lastStep = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        samplers.scheduleAtFixedRate(() -> servers.getFirst().standingsLagSeconds()
                .ifPresent(s -> lagMillis.add((long) (s * 1e3))), 0, 250, TimeUnit.MILLISECONDS);
        samplers.scheduleAtFixedRate(() -> {
            try {
                consumed.set(ConsumedOffsets.consumed(before, after, committed(kafka, group)));
            } catch (Exception e) {
                failure.set(e);
            }
        }, 0, 1, TimeUnit.SECONDS);
        samplers.scheduleAtFixedRate(() -> {
            long now = consumed.get();
            perTen.add(now - lastStep.getAndSet(now));
            target.progress.printf("[kafka] %,d of %,d consumed%n", now, plan.actions());
        }, 10, 10, TimeUnit.SECONDS);
        try {
            await("every action consumed").atMost(Duration.ofSeconds(options.duration)).pollInterval(Duration.ofMillis(500))
                    .until(() -> consumed.get() >= plan.actions() || failure.get() != null);
        } catch (ConditionTimeoutException e) {
            // the window is over: measure what was consumed in it
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Phase.Measured measured = phase.stop();
        samplers.shutdownNow();
        target.checkAlive("during kafka");
        if (failure.get() != null) {
            throw failure.get();
        }
        servers.forEach(s -> s.post("/api/v1/admin/ingress/kafka/pause"));
        long committed = ConsumedOffsets.consumed(before, after, committed(kafka, group));
        long stored = database.isPresent() ? database.get().queryLong(
                "SELECT count(*) FROM domain_event_entry WHERE global_index > " + head) : 0;
        return new Window(plan.actions(), fillPerSecond, committed, elapsed, stored,
                Latencies.ofNanos(lagMillis.stream().mapToLong(ms -> ms * 1_000_000).toArray()), perTen, measured);
    }

    private static void fill(String bootstrap, KafkaFillPlan plan, String compression) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        AtomicReference<Exception> failed = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties)) {
            for (long i = 0; i < plan.actions() && failed.get() == null; i++) {
                producer.send(new ProducerRecord<>(TOPIC, plan.key(i), plan.value(i)), (metadata, exception) -> {
                    if (exception != null) {
                        failed.compareAndSet(null, exception);
                    }
                });
            }
            producer.flush();
        }
        if (failed.get() != null) {
            throw new IllegalStateException("the fill failed", failed.get());
        }
    }

    private static Map<TopicPartition, Long> endOffsets(org.apache.kafka.clients.admin.Admin kafka, int partitions)
            throws Exception {
        Map<TopicPartition, OffsetSpec> request = IntStream.range(0, partitions).boxed()
                .collect(Collectors.toMap(p -> new TopicPartition(TOPIC, p), p -> OffsetSpec.latest()));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        kafka.listOffsets(request).all().get(30, TimeUnit.SECONDS).forEach((p, info) -> offsets.put(p, info.offset()));
        return offsets;
    }

    private static Map<TopicPartition, Long> committed(org.apache.kafka.clients.admin.Admin kafka, String group)
            throws Exception {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        kafka.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                .forEach((p, o) -> {
                    if (p.topic().equals(TOPIC) && o != null) {
                        offsets.put(p, o.offset());
                    }
                });
        return offsets;
    }
}
