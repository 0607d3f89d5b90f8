package dev.leaderboard.bench.write;

import dev.leaderboard.bench.core.*;
import picocli.CommandLine.*;

import java.util.*;

/** The write-path scenarios (docs/benchmarks.md) besides hot-player, with their same-run baselines. */
public final class WriteCommands {

    private WriteCommands() {
    }

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
    public static final class RestSingle extends Scenario {
        @Mixin
        SingleOptions single;

        protected void validate() {
            common.positive("--clients", single.clients);
        }

        protected void run(Target target) throws Exception {
            HttpScenarios.restSingle(target, single.clients);
        }
    }

    @Command(name = "rest-batch", mixinStandardHelpOptions = true, description = "POST /api/v1/actions/batch from "
            + "--batch-clients closed-loop clients, then the ingestion baselines.")
    public static final class RestBatch extends Scenario {
        @Mixin
        BatchOptions batch;
        @Mixin
        IngestionBaselines.Options baselines;

        protected void validate() {
            batch.validate(common);
        }

        protected void run(Target target) throws Exception {
            IngestionBaselines.run(target, baselines,
                    List.of(HttpScenarios.run(target, "rest-batch", batch.clients, batch.size)));
        }
    }

    @Command(name = "kafka", mixinStandardHelpOptions = true, description = "A pre-filled leaderboard.actions topic "
            + "consumed by the server (--processes 2: then by two server processes), then the ingestion baselines.")
    public static class Kafka extends Scenario {
        @Mixin
        KafkaIngestion.Options kafka;
        @Mixin
        IngestionBaselines.Options baselines;

        protected List<String> serverArguments() {
            return List.of(KafkaIngestion.CONSUMER_PAUSED);
        }

        protected void validate() {
            kafka.validate(common);
        }

        protected void run(Target target) throws Exception {
            IngestionBaselines.run(target, baselines, KafkaIngestion.run(target, kafka));
        }
    }

    @Command(name = "ingestion", mixinStandardHelpOptions = true, description = "rest-single, rest-batch and kafka "
            + "against one server, then the ingestion baselines.")
    public static final class Ingestion extends Kafka {
        @Mixin
        SingleOptions single;
        @Mixin
        BatchOptions batch;

        protected void validate() {
            super.validate();
            common.positive("--clients", single.clients);
            batch.validate(common);
        }

        protected void run(Target target) throws Exception {
            HttpScenarios.restSingle(target, single.clients);
            List<Ingested> ingested = new ArrayList<>(
                    List.of(HttpScenarios.run(target, "rest-batch", batch.clients, batch.size)));
            ingested.addAll(KafkaIngestion.run(target, kafka));
            IngestionBaselines.run(target, baselines, ingested);
        }
    }
}
