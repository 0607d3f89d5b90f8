package dev.leaderboard.bench.write;

import dev.leaderboard.bench.core.*;
import picocli.CommandLine.*;

import java.util.*;

/** The write-path scenarios (docs/benchmarks.md) besides hot-player, with their same-run baselines. */
public final class WriteCommands {

    private WriteCommands() {
    }

    /** An ingestion rate to compare with baseline (c). */
    record Ingested(String name, double perSecond, long events) {
    }

    @Command(name = "rest-single", mixinStandardHelpOptions = true, description = "POST /api/v1/actions from "
            + "--clients closed-loop clients, then plain JDBC into the same PostgreSQL for as many events.")
    public static final class RestSingle extends Scenario {
        @Option(names = "--clients", paramLabel = "N", defaultValue = "16", converter = AtLeastOne.class,
                description = "concurrent clients, one request in flight each (default ${DEFAULT-VALUE})")
        int clients;

        protected void run(Target target) throws Exception {
            HttpScenarios.restSingle(target, clients);
        }
    }

    @Command(name = "rest-batch", mixinStandardHelpOptions = true, description = "POST /api/v1/actions/batch from "
            + "--batch-clients closed-loop clients, then the ingestion baselines.")
    public static final class RestBatch extends Scenario {
        @Option(names = "--batch-size", paramLabel = "N", defaultValue = "100",
                description = "actions per request, 1-1000 (default ${DEFAULT-VALUE})")
        int size;
        @Option(names = "--batch-clients", paramLabel = "N", defaultValue = "4", converter = AtLeastOne.class,
                description = "concurrent clients, one request in flight each (default ${DEFAULT-VALUE})")
        int clients;
        @Mixin
        IngestionBaselines.Options baselines;

        protected void validate() {
            common.check(size >= 1 && size <= 1000, "--batch-size must be 1-1000");
        }

        protected void run(Target target) throws Exception {
            IngestionBaselines.run(target, baselines, List.of(HttpScenarios.run(target, "rest-batch", clients, size)));
        }
    }

    @Command(name = "kafka", mixinStandardHelpOptions = true, description = "A pre-filled leaderboard.actions topic "
            + "consumed by the server (--processes 2: then by two server processes), then the ingestion baselines.")
    public static final class Kafka extends Scenario {
        @Mixin
        KafkaIngestion.Options kafka;
        @Mixin
        IngestionBaselines.Options baselines;

        protected List<String> serverArguments() {
            return List.of(KafkaIngestion.CONSUMER_PAUSED);
        }

        protected void validate() {
            common.check(kafka.processes == 1 || kafka.processes == 2, "--processes must be 1 or 2");
        }

        protected void run(Target target) throws Exception {
            IngestionBaselines.run(target, baselines, KafkaIngestion.run(target, kafka));
        }
    }
}
