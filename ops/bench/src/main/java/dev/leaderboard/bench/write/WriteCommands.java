package dev.leaderboard.bench.write;

import dev.leaderboard.bench.core.CommonOptions;
import dev.leaderboard.bench.core.Table;
import dev.leaderboard.bench.core.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** The write-path scenarios: one subcommand each, against one server, with their same-run baselines. */
public final class WriteCommands {

    private WriteCommands() {
    }

    /** Options of rest-single's load. */
    public static final class SingleOptions {
        @Option(names = "--clients", paramLabel = "N", defaultValue = "16", description = "rest-single: concurrent "
                + "clients, one request in flight each (closed model; default ${DEFAULT-VALUE})")
        int clients;
    }

    /** Options of rest-batch's load. */
    public static final class BatchOptions {
        @Option(names = "--batch-size", paramLabel = "N", defaultValue = "100", description = "rest-batch: actions per "
                + "request, 1-1000 (default ${DEFAULT-VALUE})")
        int size;

        @Option(names = "--batch-clients", paramLabel = "N", defaultValue = "4", description = "rest-batch: concurrent "
                + "clients, one request in flight each (default ${DEFAULT-VALUE})")
        int clients;
    }

    /** The ingestion baselines (a), (b), (c), after rest-batch and kafka. */
    public static final class BaselineOptions {
        @Option(names = "--baseline-batch", paramLabel = "N", defaultValue = "500", description = "baseline (a): events "
                + "+ ledger rows per transaction (default ${DEFAULT-VALUE})")
        int batch;

        @Option(names = "--baseline-connections", paramLabel = "N", defaultValue = "2", description = "baselines (a) "
                + "and (b): connections (default ${DEFAULT-VALUE})")
        int connections;

        @Option(names = "--baseline-seconds", paramLabel = "S", defaultValue = "60", description = "time limit of each "
                + "ingestion baseline (default ${DEFAULT-VALUE})")
        int seconds;
    }

    /** One server for the command's scenarios; exit code 1 if one failed. */
    abstract static class WriteCommand implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        abstract String name();

        List<String> serverArguments() {
            return List.of();
        }

        abstract void run(Target target) throws Exception;

        @Override
        public Integer call() throws Exception {
            try (Target target = Target.open(name(), common, serverArguments())) {
                System.out.println("# " + name() + " against " + target.baseUrl() + ", load average "
                        + dev.leaderboard.bench.core.CpuMeter.loadAverage() + ", " + Runtime.getRuntime()
                        .availableProcessors() + " CPUs, JDK " + Runtime.version());
                run(target);
                return 0;
            } catch (Exception e) {
                System.out.println("FAILED: " + name() + ": " + e);
                e.printStackTrace();
                return 1;
            }
        }
    }

    @Command(name = "rest-single", mixinStandardHelpOptions = true, description = "POST /api/v1/actions from "
            + "--clients closed-loop clients, then plain JDBC into the same PostgreSQL (1 transaction per event, "
            + "batches of 100) for as many events.")
    public static final class RestSingle extends WriteCommand {
        @Mixin
        SingleOptions single;

        String name() {
            return "rest-single";
        }

        void run(Target target) throws Exception {
            common.positive("--clients", single.clients);
            HttpScenarios.restSingle(target, single.clients);
        }
    }

    @Command(name = "rest-batch", mixinStandardHelpOptions = true, description = "POST /api/v1/actions/batch from "
            + "--batch-clients closed-loop clients, then the ingestion baselines.")
    public static final class RestBatch extends WriteCommand {
        @Mixin
        BatchOptions batch;
        @Mixin
        BaselineOptions baselines;

        String name() {
            return "rest-batch";
        }

        void run(Target target) throws Exception {
            validate(common, batch);
            HttpScenarios.Load load = HttpScenarios.run(target, name(), batch.clients, batch.size);
            ingestionBaselines(target, baselines, load.accepted(), List.of(new Ingested("rest-batch",
                    load.acceptedPerSecond(), load.accepted())));
        }
    }

    @Command(name = "kafka", mixinStandardHelpOptions = true, description = "A pre-filled leaderboard.actions topic "
            + "consumed by the server (and, with --processes 2, by a second server process too), then the ingestion "
            + "baselines.")
    public static final class Kafka extends WriteCommand {
        @Mixin
        KafkaIngestion.Options kafka;
        @Mixin
        BaselineOptions baselines;

        String name() {
            return "kafka";
        }

        List<String> serverArguments() {
            return List.of(KafkaIngestion.CONSUMER_PAUSED);
        }

        void run(Target target) throws Exception {
            kafka.validate(common);
            List<Ingested> ingested = KafkaIngestion.run(target, kafka);
            ingestionBaselines(target, baselines, ingested.getFirst().events(), ingested);
        }
    }

    @Command(name = "ingestion", mixinStandardHelpOptions = true, description = "rest-single, rest-batch and kafka "
            + "against one server, then the ingestion baselines.")
    public static final class Ingestion extends WriteCommand {
        @Mixin
        SingleOptions single;
        @Mixin
        BatchOptions batch;
        @Mixin
        KafkaIngestion.Options kafka;
        @Mixin
        BaselineOptions baselines;

        String name() {
            return "ingestion";
        }

        List<String> serverArguments() {
            return List.of(KafkaIngestion.CONSUMER_PAUSED);
        }

        void run(Target target) throws Exception {
            common.positive("--clients", single.clients);
            validate(common, batch);
            kafka.validate(common);
            HttpScenarios.restSingle(target, single.clients);
            HttpScenarios.Load load = HttpScenarios.run(target, "rest-batch", batch.clients, batch.size);
            List<Ingested> ingested = new ArrayList<>(List.of(new Ingested("rest-batch", load.acceptedPerSecond(),
                    load.accepted())));
            ingested.addAll(KafkaIngestion.run(target, kafka));
            ingestionBaselines(target, baselines, ingested.stream().mapToLong(Ingested::events).max().orElse(0),
                    ingested);
        }
    }

    @Command(name = "hot-player", mixinStandardHelpOptions = true, description = "A player with --hot-events past "
            + "events against new players: cold load from events, steady state, cold load from the snapshot.")
    public static final class HotPlayer extends WriteCommand {
        @Mixin
        HotPlayerScenario.Options hot;

        String name() {
            return "hot-player";
        }

        void run(Target target) throws Exception {
            common.positive("--hot-events", hot.events);
            common.positive("--probe-requests", hot.probeRequests);
            new HotPlayerScenario(target, hot).run();
        }
    }

    static void validate(CommonOptions common, BatchOptions batch) {
        common.positive("--batch-clients", batch.clients);
        common.positive("--batch-size", batch.size);
        if (batch.size > 1000) {
            common.positive("--batch-size at most 1000, so not", -batch.size);
        }
    }

    /** An ingestion rate to compare with baseline (c). */
    record Ingested(String name, double perSecond, long events) {
    }

    /** (a), (b) and (c) for as many events as the largest ingestion (at least 50,000), with the server idle. */
    static void ingestionBaselines(Target target, BaselineOptions options, long events, List<Ingested> ingested)
            throws Exception {
        if (target.database().isEmpty() || target.embedded().isEmpty()) {
            System.out.println("  ingestion baselines skipped: they need the PostgreSQL and Redis of a started server");
            return;
        }
        events = Math.max(events, 50_000);
        target.progress.println("[baselines] " + events + " events; projections "
                + target.admin().awaitProjections(Duration.ofMinutes(5)));
        Baselines baselines = new Baselines(target.database().get(), target.options.players, target::meter);
        Duration limit = Duration.ofSeconds(options.seconds);
        Baselines.Baseline a = baselines.eventsAndLedger(events, options.connections, options.batch, limit);
        var settings = target.settings();
        Baselines.Baseline b = baselines.redis(target.embedded().get().redisPort(), events,
                settings.projectionThreads(), settings.projectionBatchSize(), limit, target.runId);
        double c = Baselines.combined(a, b);
        Table table = new Table("ingestion vs same-run baselines (" + target.database().get().describe() + ")",
                "figure", "per s", "ratio to (c)", "p50 / p99 / p99.9", "timed unit", "CPU ms/event bench / server / PG");
        ingested.forEach(i -> table.row(i.name(), i.perSecond(), HttpScenarios.ratio(i.perSecond(), c), "", "", ""));
        for (Baselines.Baseline baseline : List.of(a, b)) {
            table.row(baseline.name(), baseline.result().perSecond(), "", baseline.result().latencies(),
                    baseline.unit(), baseline.result().cpu().perOperation(baseline.result().written()));
        }
        table.row("(c) (a) then (b): 1/(1/a+1/b)", c, "1.00", "", "", "");
        System.out.print(table.render());
        Optional.of(a.result().cpu().machine()).ifPresent(m -> System.out.println("  (a) " + m));
    }
}
