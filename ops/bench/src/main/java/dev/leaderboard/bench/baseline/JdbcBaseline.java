package dev.leaderboard.bench.baseline;

import dev.leaderboard.bench.load.LoadSettings;
import dev.leaderboard.bench.report.CpuMeter;
import dev.leaderboard.bench.report.LatencySummary;
import org.HdrHistogram.Histogram;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The raw cost of appending events to the same PostgreSQL with plain JDBC: the same row shape and size as the event
 * store, written into {@link ScratchEventTable} by {@code clients} threads with one connection each, with no
 * framework, no HTTP and no business logic. Events are spread over the same players; each gets a unique sequence
 * number so the (aggregate, sequence) unique index is exercised as in the event store.
 */
public final class JdbcBaseline {

    private static final String INSERT = "INSERT INTO " + ScratchEventTable.NAME + """
             (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload, payload_revision,
             payload_type, time_stamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** Inserts before each measurement, so the client's JIT and the connections are warm, as in the HTTP run. */
    private static final int WARMUP_EVENTS_PER_CLIENT = 100;

    private final Database database;
    private final EventTemplate template;
    private final int clients;
    private final int players;
    private final Supplier<CpuMeter> cpuMeters;

    /** @param cpuMeters starts measuring CPU time (of this JVM and the database) for one baseline */
    public JdbcBaseline(Database database, EventTemplate template, int clients, int players,
                        Supplier<CpuMeter> cpuMeters) {
        this.database = database;
        this.template = template;
        this.clients = clients;
        this.players = players;
        this.cpuMeters = cpuMeters;
    }

    /** Baseline (a): every event its own transaction (autocommit single-row INSERT), as a command commits one. */
    public BaselineResult oneTransactionPerEvent(long events) throws SQLException {
        return measure("JDBC, 1 transaction per event", events, 1, "one INSERT + commit");
    }

    /** Baseline (b): JDBC batches of {@code batchSize} rows, one transaction per batch. */
    public BaselineResult batches(long events, int batchSize) throws SQLException {
        return measure("JDBC, batches of " + batchSize + " per transaction", events, batchSize,
                "one batch of " + batchSize + " + commit");
    }

    private BaselineResult measure(String name, long events, int batchSize, String latencyUnit) throws SQLException {
        ScratchEventTable.truncate(database);
        run(Math.min(events, (long) WARMUP_EVENTS_PER_CLIENT * clients), batchSize, Optional.empty());
        ScratchEventTable.truncate(database);
        Timed timed = run(events, batchSize, Optional.of(cpuMeters));
        return new BaselineResult(name, events, timed.elapsed(), LatencySummary.of(timed.latency()), latencyUnit,
                timed.cpu().orElseThrow());
    }

    private record Timed(Duration elapsed, Histogram latency, Optional<CpuMeter.Usage> cpu) {
    }

    /**
     * The meter runs while the connections are open: a PostgreSQL backend that exits before the meter stops takes
     * its CPU time with it.
     */
    private Timed run(long events, int batchSize, Optional<Supplier<CpuMeter>> meter) throws SQLException {
        AtomicLong claimed = new AtomicLong();
        List<Connection> connections = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients,
                Thread.ofPlatform().name("bench-jdbc-", 0).daemon().factory());
        try {
            for (int c = 0; c < clients; c++) {
                Connection connection = database.connect();
                connection.setAutoCommit(batchSize == 1);
                connections.add(connection);
            }
            List<Callable<Histogram>> workers = new ArrayList<>();
            for (Connection connection : connections) {
                workers.add(() -> insertUntilDone(connection, claimed, events, batchSize));
            }
            Optional<CpuMeter> cpu = meter.map(Supplier::get);
            long start = System.nanoTime();
            List<Future<Histogram>> futures = pool.invokeAll(workers);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            Optional<CpuMeter.Usage> usage = cpu.map(CpuMeter::stop);
            Histogram latency = LatencySummary.newHistogram();
            for (Future<Histogram> future : futures) {
                latency.add(future.get());
            }
            return new Timed(elapsed, latency, usage);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the JDBC baseline", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a JDBC baseline client failed", e.getCause());
        } finally {
            pool.shutdownNow();
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /** Claims the next {@code batchSize} event numbers until {@code events} are written; each is written once. */
    private Histogram insertUntilDone(Connection connection, AtomicLong claimed, long events, int batchSize)
            throws SQLException {
        Histogram latency = LatencySummary.newHistogram();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (long first = claimed.getAndAdd(batchSize); first < events; first = claimed.getAndAdd(batchSize)) {
                long end = Math.min(events, first + batchSize);
                long started = System.nanoTime();
                for (long sequence = first; sequence < end; sequence++) {
                    bind(insert, LoadSettings.playerId(random.nextInt(players)), sequence);
                    if (batchSize == 1) {
                        insert.executeUpdate();
                    } else {
                        insert.addBatch();
                    }
                }
                if (batchSize > 1) {
                    insert.executeBatch();
                    connection.commit();
                }
                LatencySummary.record(latency, System.nanoTime() - started);
            }
        }
        return latency;
    }

    private void bind(PreparedStatement insert, String aggregateId, long sequence) throws SQLException {
        insert.setString(1, aggregateId);
        insert.setLong(2, sequence);
        insert.setString(3, template.type());
        insert.setString(4, UUID.randomUUID().toString());
        insert.setBytes(5, template.metaData());
        insert.setBytes(6, template.payload());
        insert.setString(7, template.payloadRevision());
        insert.setString(8, template.payloadType());
        insert.setString(9, template.timeStamp());
    }
}
