package dev.leaderboard.bench.ingestion;

import dev.leaderboard.bench.baseline.Database;
import dev.leaderboard.bench.load.ActionClient;
import dev.leaderboard.bench.report.CpuMeter;
import dev.leaderboard.bench.report.LatencySummary;
import org.HdrHistogram.Histogram;
import org.apache.kafka.common.TopicPartition;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * Kafka ingestion: with the server's ingress consumer not consuming ({@code leaderboard.kafka.consumer.auto-startup=false}),
 * fill {@code leaderboard.actions} with {@code kafkaActions} actions over {@code kafkaPlayers} players, then resume
 * the consumer ({@code POST /api/v1/admin/ingress/kafka/resume}) and measure for {@code kafkaDuration}: actions/s
 * from the consumer group's committed offsets (Kafka Admin) and from the events PostgreSQL stored, the standings
 * projection's lag (its {@code lagSeconds}, sampled every {@link #LAG_POLL}), and CPU time of the server JVM (which
 * here also runs the embedded Kafka broker) and of PostgreSQL. The consumer is paused again at the end, so the
 * baselines that follow run on an idle server.
 */
public final class KafkaScenario {

    public static final String TOPIC = "leaderboard.actions";
    static final Duration LAG_POLL = Duration.ofMillis(250);
    static final Duration OFFSET_POLL = Duration.ofSeconds(1);
    static final Duration STEP = Duration.ofSeconds(10);
    static final Duration FILL_TIMEOUT = Duration.ofMinutes(20);

    /**
     * @param consumed       actions of the fill whose offsets the group committed within the window
     * @param window         resume until the end of the measurement (or until every action was consumed)
     * @param eventsStored   events PostgreSQL appended in the window (every event store row after the resume)
     * @param lag            the projection's lagSeconds samples, as latencies
     * @param perStep        actions committed per {@link #STEP} of the window, in order
     */
    public record Result(KafkaFill.Result fill, KafkaAdminView.Topic topic, String group, long consumed,
                         Duration window, long eventsStored, LatencySummary lag, CpuMeter.Usage cpu,
                         List<Long> perStep, List<String> notes) {

        public double actionsPerSecond() {
            return perSecond(consumed);
        }

        public double eventsPerSecond() {
            return perSecond(eventsStored);
        }

        private double perSecond(long count) {
            return window.isZero() ? 0 : count / (window.toNanos() / 1e9);
        }
    }

    private final List<IngressAdmin> servers;
    private final boolean dropBacklog;
    private final String bootstrap;
    private final Optional<Database> database;
    private final IngestionOptions options;
    private final String runId;
    private final PrintStream progress;

    /**
     * @param servers     every server process consuming the topic: all are resumed and paused
     * @param dropBacklog delete the records an earlier window left unconsumed before filling, so this window
     *                    consumes only its own fill (never for a topic the benchmark does not own alone)
     */
    public KafkaScenario(List<IngressAdmin> servers, boolean dropBacklog, String bootstrap, Optional<Database> database,
                         IngestionOptions options, String runId, PrintStream progress) {
        this.servers = List.copyOf(servers);
        this.dropBacklog = dropBacklog;
        this.bootstrap = bootstrap;
        this.database = database;
        this.options = options;
        this.runId = runId;
        this.progress = progress;
    }

    /** @param measured started right before the resume, stopped at the end of the window (CPU meter, JFR) */
    public Result run(Supplier<CpuMeter> measured, Runnable afterWindow) throws Exception {
        List<String> notes = new ArrayList<>();
        for (IngressAdmin server : servers) {
            server.checkPresent();
        }
        KafkaFillPlan plan = new KafkaFillPlan(options.kafkaActions(), options.kafkaPlayers(), runId,
                ActionClient.ACTION_TYPE, Optional.empty());
        try (KafkaAdminView kafka = new KafkaAdminView(bootstrap)) {
            KafkaAdminView.Topic topic = kafka.ensureTopic(TOPIC, options.kafkaPartitions());
            progress.printf(Locale.ROOT, "[kafka] topic %s: %d partitions (%s)%n", TOPIC, topic.partitions(),
                    topic.created() ? "created by the benchmark" : "already there");
            Optional<String> group = options.kafkaGroup().or(() -> only(kafka.groupsCommittingOn(topic), notes));
            if (dropBacklog) {
                long dropped = kafka.dropBacklog(topic, group);
                progress.printf(Locale.ROOT, "[kafka] dropped %,d records an earlier window left unconsumed%n",
                        dropped);
            }
            Map<TopicPartition, Long> before = kafka.endOffsets(topic);
            Map<TopicPartition, Long> committedBefore = group.map(g -> kafka.committed(g, topic)).orElse(Map.of());

            progress.printf(Locale.ROOT, "[kafka] filling %,d actions of %,d players (idempotent producer, %s)%n",
                    plan.actions(), plan.distinctPlayers(), options.kafkaCompression());
            KafkaFill.Result fill = KafkaFill.fill(bootstrap, TOPIC, plan, options.kafkaCompression(), FILL_TIMEOUT,
                    progress);
            progress.printf(Locale.ROOT, "[kafka] filled in %.1f s: %,.0f records/s, %.1f MiB/s%n",
                    fill.elapsed().toNanos() / 1e9, fill.recordsPerSecond(), fill.mebibytesPerSecond());
            Map<TopicPartition, Long> after = kafka.endOffsets(topic);
            checkFill(plan, topic, before, after, notes);
            if (group.isPresent() && ConsumedOffsets.consumed(before, after, kafka.committed(group.get(), topic))
                    > ConsumedOffsets.consumed(before, after, committedBefore)) {
                notes.add("the consumer group " + group.get() + " committed offsets during the fill: the consumer "
                        + "was not paused (is leaderboard.kafka.consumer.auto-startup=false honoured?)");
            }

            long headBefore = head();
            Histogram lag = LatencySummary.newHistogram();
            List<Long> perStep = new ArrayList<>();
            CpuMeter cpu = measured.get();
            long start = System.nanoTime();
            for (IngressAdmin server : servers) {
                server.resume();
            }
            progress.printf(Locale.ROOT, "[kafka] consumers of %d server process(es) resumed; measuring for %d s%n",
                    servers.size(), options.kafkaDuration().toSeconds());
            long deadline = start + options.kafkaDuration().toNanos();
            long nextOffsets = start;
            long nextStep = start + STEP.toNanos();
            long consumed = 0;
            long stepStart = 0;
            long end = deadline;
            while (System.nanoTime() < deadline) {
                // read from the shared token store: any server gives the lag of every segment
                OptionalDouble lagSeconds = servers.getFirst().standingsLagSeconds();
                if (lagSeconds.isPresent()) {
                    LatencySummary.record(lag, (long) (lagSeconds.getAsDouble() * 1e9));
                }
                long now = System.nanoTime();
                if (now >= nextOffsets) {
                    nextOffsets = now + OFFSET_POLL.toNanos();
                    if (group.isEmpty()) {
                        group = only(kafka.groupsCommittingOn(topic), notes);
                    }
                    if (group.isPresent()) {
                        consumed = ConsumedOffsets.consumed(before, after, kafka.committed(group.get(), topic));
                    }
                    if (consumed >= plan.actions()) {
                        end = System.nanoTime();
                        break;
                    }
                }
                if (now >= nextStep) {
                    nextStep += STEP.toNanos();
                    perStep.add(consumed - stepStart);
                    stepStart = consumed;
                    progress.printf(Locale.ROOT, "[kafka] %3.0f s: %,d of %,d consumed, projection lag %s%n",
                            (now - start) / 1e9, consumed, plan.actions(),
                            lagSeconds.isPresent() ? String.format(Locale.ROOT, "%.1f s", lagSeconds.getAsDouble())
                                    : "?");
                }
                Thread.sleep(LAG_POLL);
            }
            if (end == deadline) {
                end = System.nanoTime();
            }
            CpuMeter.Usage usage = cpu.stop();
            afterWindow.run();
            if (group.isPresent()) {
                consumed = ConsumedOffsets.consumed(before, after, kafka.committed(group.get(), topic));
            } else {
                notes.add("no consumer group committed offsets on " + TOPIC + ": actions/s from offsets unknown");
            }
            long stored = eventsAfter(headBefore);
            for (IngressAdmin server : servers) {
                try {
                    server.pause();
                } catch (RuntimeException e) {
                    notes.add("could not pause a consumer after the window: " + e.getMessage());
                }
            }
            if (consumed > 0 && Math.abs(stored - consumed) > Math.max(1_000, consumed / 20)) {
                notes.add(String.format(Locale.ROOT, "the event store gained %,d events while %,d offsets were "
                        + "committed: offsets trail the database commits by up to one poll batch", stored, consumed));
            }
            return new Result(fill, topic, group.orElse("?"), consumed, Duration.ofNanos(end - start), stored,
                    LatencySummary.of(lag), usage, perStep, notes);
        }
    }

    private static Optional<String> only(List<String> groups, List<String> notes) {
        if (groups.size() > 1) {
            notes.add("several consumer groups commit on " + TOPIC + " " + groups + "; measured " + groups.getFirst()
                    + " (name one with --kafka-group)");
        }
        return groups.stream().findFirst();
    }

    private static void checkFill(KafkaFillPlan plan, KafkaAdminView.Topic topic, Map<TopicPartition, Long> before,
                                  Map<TopicPartition, Long> after, List<String> notes) {
        long[] expected = plan.expectedPerPartition(topic.partitions());
        long written = 0;
        int mismatched = 0;
        for (int p = 0; p < topic.partitions(); p++) {
            TopicPartition partition = new TopicPartition(topic.name(), p);
            long delta = after.getOrDefault(partition, 0L) - before.getOrDefault(partition, 0L);
            written += delta;
            if (delta != expected[p]) {
                mismatched++;
            }
        }
        if (written != plan.actions() || mismatched > 0) {
            notes.add(String.format(Locale.ROOT, "the topic's end offsets grew by %,d (expected %,d); %d partitions "
                    + "differ from the key hash's plan (did something else write to %s?)", written, plan.actions(),
                    mismatched, topic.name()));
        }
    }

    private long head() throws SQLException {
        if (database.isEmpty()) {
            return 0;
        }
        try (Connection connection = database.get().connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")) {
            row.next();
            return row.getLong(1);
        }
    }

    private long eventsAfter(long globalIndex) throws SQLException {
        if (database.isEmpty()) {
            return 0;
        }
        try (Connection connection = database.get().connect();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT count(*) FROM domain_event_entry WHERE global_index > ?")) {
            statement.setLong(1, globalIndex);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
