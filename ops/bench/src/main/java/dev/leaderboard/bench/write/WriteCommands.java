package dev.leaderboard.bench.write;

import dev.leaderboard.bench.core.*;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import picocli.CommandLine.*;

import java.net.URI;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.*;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

/**
 * The write-path scenarios (docs/benchmarks.md) besides hot-player, with their same-run baselines: rest-single and
 * rest-batch are closed-loop Gatling loads on the action endpoints, kafka consumes a pre-filled topic.
 */
public final class WriteCommands {

    /**
     * {@code clients} closed-loop users over shared connections: {@code batchSize} 0 sends single actions (OK = 202,
     * accepted), otherwise batches of that many (OK = 200, every item accepted), of players drawn from p0 ….
     */
    record ActionLoad(URI baseUrl, String token, int clients, int players, int batchSize, String runId, String name) {
    }

    public static class Load extends GatlingRun.Metered {

        private final ActionLoad load = GatlingRun.parameters(ActionLoad.class);

        {
            HttpRequestActionBuilder request = load.batchSize() == 0
                    ? http(load.name()).post("/api/v1/actions").body(StringBody(s -> action()))
                    .check(status().is(202), jsonPath("$.status").is("accepted"))
                    : http(load.name()).post("/api/v1/actions/batch")
                    .body(StringBody(s -> IntStream.range(0, load.batchSize()).mapToObj(i -> action())
                            .collect(Collectors.joining(",", "{\"actions\":[", "]}"))))
                    .check(status().is(200), jmesPath("length(results[?status!='accepted'])").ofInt().is(0));
            setUp(scenario(load.name()).exec(request)
                    .injectClosed(constantConcurrentUsers(load.clients()).during(GatlingRun.during())))
                    .protocols(http.baseUrl(load.baseUrl().toString()).shareConnections()
                            .authorizationHeader("Bearer " + load.token()).contentTypeHeader("application/json")
                            .disableWarmUp());
        }

        private String action() {
            return ServerApi.action(load.runId() + "-" + GatlingRun.nextId(), ServerApi.ACTION_TYPE,
                    "p" + ThreadLocalRandom.current().nextInt(load.players()));
        }
    }

    static Ingested load(Target target, String name, int clients, int batchSize) {
        target.progress.printf("[%s] %d clients%s, %,d players, %d s warm-up + %d s measured; projections %s%n", name,
                clients, batchSize == 0 ? "" : " x " + batchSize + " actions", target.options.players,
                target.options.warmup, target.options.duration, target.api().awaitProjections());
        Target.Load load = target.load(Load.class, new ActionLoad(target.baseUrl(), target.tokens.service(), clients,
                target.options.players, batchSize, target.runId + "-" + name, name), name);
        GatlingStats.Request r = load.request();
        long accepted = r.ok() * Math.max(1, batchSize);
        double perSecond = accepted / (double) target.options.duration;
        System.out.print(new Table(name + (batchSize == 0 ? ": POST /api/v1/actions"
                : ": POST /api/v1/actions/batch, " + batchSize + " actions per request"),
                "figure", "accepted/s", "requests", "ok", "ko", "p50 ms", "p95 ms", "p99 ms", "p99.9 ms",
                "CPU ms/action bench / server / PostgreSQL")
                .row(name, perSecond, r.count(), r.ok(), r.ko(), r.p50(), r.p95(), r.p99(), r.p999(),
                        load.phase().cpu().perOperation(accepted))
                .render());
        load.printNotes();
        return new Ingested(name, perSecond, accepted);
    }

    static String ratio(double value, double baseline) {
        return baseline == 0 ? "-" : String.format(Locale.ROOT, "%.2f", value / baseline);
    }

    record Ingested(String name, double perSecond, long events) {
    }

    @Command(name = "rest-single", mixinStandardHelpOptions = true, description = "POST /api/v1/actions from "
            + "--clients closed-loop clients, then plain JDBC into the same PostgreSQL for as many events.")
    public static final class RestSingle extends Scenario {
        @Option(names = "--clients", paramLabel = "N", defaultValue = "16", converter = AtLeastOne.class,
                description = "concurrent clients, one request in flight each (default ${DEFAULT-VALUE})")
        int clients;

        /** rest-single, then plain JDBC into the same PostgreSQL for as many events as the load accepted. */
        protected void run(Target target) throws Exception {
            Ingested load = load(target, "rest-single", clients, 0);
            System.out.println("  group commit: " + target.settings().commandBatching());
            if (load.events() == 0) {
                System.out.println("  JDBC baselines skipped: no action accepted");
                return;
            }
            target.progress.println("[rest-single] projections "
                    + target.api().awaitProjections());
            IngestionBaselines baselines = new IngestionBaselines(target);
            Table table = new Table("rest-single vs plain JDBC into the same PostgreSQL (" + clients + " connections, "
                    + baselines.eventBytes() + "-byte events; " + target.database().describe() + ")",
                    "baseline", "events/s", "ratio", "p50 / p99 / p99.9", "timed unit",
                    "CPU ms/event bench / server / PG");
            for (int batch : new int[]{1, 100}) {
                IngestionBaselines.Baseline b = baselines.jdbc("JDBC, %d event(s) + ledger row(s) per transaction",
                        load.events(), clients, batch, Duration.ofMinutes(10), false);
                table.row(b.name(), b.result().perSecond(), ratio(load.perSecond(), b.result().perSecond()),
                        b.result().latencies(), b.unit(), b.result().cpu().perOperation(b.result().written()));
            }
            System.out.print(table.render());
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
            check(size >= 1 && size <= 1000, "--batch-size must be 1-1000");
        }

        protected void run(Target target) throws Exception {
            IngestionBaselines.run(target, baselines, List.of(load(target, "rest-batch", clients, size)));
        }
    }
}
