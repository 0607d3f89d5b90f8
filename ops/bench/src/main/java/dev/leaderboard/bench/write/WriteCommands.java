package dev.leaderboard.bench.write;

import dev.leaderboard.bench.core.*;
import picocli.CommandLine.*;

import java.util.*;

/**
 * The write-path scenarios, one subcommand each (static: picocli calls a command method on its parent's object,
 * {@code BenchMain}), with their same-run baselines. Options are checked before anything starts (exit 2).
 */
public class WriteCommands {

    public static final class SingleOptions {
        @Option(names = "--clients", paramLabel = "N", defaultValue = "16",
                description = "concurrent clients, one request in flight each (default ${DEFAULT-VALUE})")
        int clients;
    }

    public static final class BatchOptions {
        @Option(names = "--batch-size", paramLabel = "N", defaultValue = "100",
                description = "rest-batch: actions per request, 1-1000 (default ${DEFAULT-VALUE})")
        int size;
        @Option(names = "--batch-clients", paramLabel = "N", defaultValue = "4",
                description = "rest-batch: concurrent clients, one request in flight each (default ${DEFAULT-VALUE})")
        int clients;

        void validate(CommonOptions common) {
            common.positive("--batch-clients", clients);
            common.check(size >= 1 && size <= 1000, "--batch-size must be 1-1000");
        }
    }

    /** An ingestion rate to compare with baseline (c). */
    record Ingested(String name, double perSecond, long events) {
    }

    @Command(name = "rest-single", mixinStandardHelpOptions = true, description = "POST /api/v1/actions from "
            + "--clients closed-loop clients, then plain JDBC into the same PostgreSQL for as many events.")
    static int restSingle(@Mixin CommonOptions common, @Mixin SingleOptions single) {
        common.positive("--clients", single.clients);
        return Target.run("rest-single", common, List.of(), target -> HttpScenarios.restSingle(target, single.clients));
    }

    @Command(name = "rest-batch", mixinStandardHelpOptions = true, description = "POST /api/v1/actions/batch from "
            + "--batch-clients closed-loop clients, then the ingestion baselines.")
    static int restBatch(@Mixin CommonOptions common, @Mixin BatchOptions batch, @Mixin Baselines.Options baselines) {
        batch.validate(common);
        return Target.run("rest-batch", common, List.of(), target -> Baselines.ingestion(target, baselines,
                List.of(HttpScenarios.run(target, "rest-batch", batch.clients, batch.size))));
    }

    @Command(name = "kafka", mixinStandardHelpOptions = true, description = "A pre-filled leaderboard.actions topic "
            + "consumed by the server (--processes 2: then by two server processes), then the ingestion baselines.")
    static int kafka(@Mixin CommonOptions common, @Mixin KafkaIngestion.Options kafka,
                     @Mixin Baselines.Options baselines) {
        kafka.validate(common);
        return Target.run("kafka", common, List.of(KafkaIngestion.CONSUMER_PAUSED),
                target -> Baselines.ingestion(target, baselines, KafkaIngestion.run(target, kafka)));
    }

    @Command(name = "ingestion", mixinStandardHelpOptions = true, description = "rest-single, rest-batch and kafka "
            + "against one server, then the ingestion baselines.")
    static int ingestion(@Mixin CommonOptions common, @Mixin SingleOptions single, @Mixin BatchOptions batch,
                         @Mixin KafkaIngestion.Options kafka, @Mixin Baselines.Options baselines) {
        common.positive("--clients", single.clients);
        batch.validate(common);
        kafka.validate(common);
        return Target.run("ingestion", common, List.of(KafkaIngestion.CONSUMER_PAUSED), target -> {
            HttpScenarios.restSingle(target, single.clients);
            List<Ingested> ingested = new ArrayList<>(
                    List.of(HttpScenarios.run(target, "rest-batch", batch.clients, batch.size)));
            ingested.addAll(KafkaIngestion.run(target, kafka));
            Baselines.ingestion(target, baselines, ingested);
        });
    }

    @Command(name = "hot-player", mixinStandardHelpOptions = true, description = "A player with --hot-events past "
            + "events against new players: cold load from events, steady state, cold load from the snapshot.")
    static int hotPlayer(@Mixin CommonOptions common, @Mixin HotPlayerScenario.Options hot) {
        common.positive("--hot-events", hot.events);
        common.positive("--probe-requests", hot.probeRequests);
        common.positive("--clients", hot.clients);
        common.check(common.url.isEmpty(), "hot-player restarts the server: it cannot run with --url");
        return Target.run("hot-player", common, List.of(), target -> new HotPlayerScenario(target, hot).run());
    }
}
