package dev.leaderboard.bench.write;

import dev.leaderboard.bench.core.Database;
import dev.leaderboard.bench.core.GatlingStats;
import dev.leaderboard.bench.core.Phase;
import dev.leaderboard.bench.core.Table;
import dev.leaderboard.bench.core.Target;
import dev.leaderboard.bench.core.Window;

import java.time.Duration;
import java.util.Optional;

/** rest-single and rest-batch: closed-loop Gatling loads on the action endpoints, and their JDBC baselines. */
final class HttpScenarios {

    /** What one measured HTTP load gave. */
    record Load(String name, GatlingStats stats, GatlingStats.Request measured, long accepted, Duration duration,
                Phase.Measured phase) {

        double acceptedPerSecond() {
            return accepted / (duration.toNanos() / 1e9);
        }
    }

    private HttpScenarios() {
    }

    static Load run(Target target, String name, int clients, int batchSize) {
        Duration warmup = Duration.ofSeconds(target.options.warmup);
        Duration duration = Duration.ofSeconds(target.options.duration);
        target.progress.printf("[%s] %d clients%s, %,d players, %d s warm-up + %d s measured; projections %s%n", name,
                clients, batchSize == 0 ? "" : " x " + batchSize + " actions", target.options.players,
                warmup.toSeconds(), duration.toSeconds(), target.admin().awaitProjections(Duration.ofMinutes(5)));
        Window window = new Window(warmup, duration, Optional.of(target.phase(name)));
        GatlingStats stats = new ActionLoad(target.baseUrl(), target.tokens.service(), clients, target.options.players,
                batchSize, target.runId + "-" + name, name, window).run();
        Phase.Measured measured = window.measured();
        target.checkAlive("during " + name);
        GatlingStats.Request request = stats.request(name).orElseThrow(() ->
                new IllegalStateException("no measured requests of " + name + " in " + stats.report()));
        long accepted = request.ok() * Math.max(1, batchSize);
        Load load = new Load(name, stats, request, accepted, duration, measured);
        print(load, batchSize);
        return load;
    }

    static void print(Load load, int batchSize) {
        GatlingStats.Request r = load.measured();
        System.out.print(new Table(load.name() + (batchSize == 0 ? ": POST /api/v1/actions"
                : ": POST /api/v1/actions/batch, " + batchSize + " actions per request"),
                "figure", "accepted/s", "requests", "ok", "ko", "p50 ms", "p95 ms", "p99 ms", "p99.9 ms",
                "CPU ms/action bench / server / PostgreSQL")
                .row(load.name(), load.acceptedPerSecond(), r.count(), r.ok(), r.ko(), r.p50(), r.p95(), r.p99(),
                        r.p999(), load.phase().cpu().perOperation(load.accepted()))
                .render());
        System.out.println("  " + load.phase().cpu().machine() + "; Gatling report " + load.stats().report());
        if (!load.stats().errors().isEmpty()) {
            System.out.println("  failed checks (warm-up included): " + load.stats().errors());
        }
        load.phase().profile().ifPresent(System.out::println);
    }

    /** rest-single, then plain JDBC into the same PostgreSQL for as many events as the load accepted. */
    static void restSingle(Target target, int clients) throws Exception {
        Load load = run(target, "rest-single", clients, 0);
        System.out.println("  group commit: " + target.settings().commandBatching());
        Optional<Database> database = target.database();
        if (database.isEmpty() || load.accepted() == 0) {
            System.out.println("  JDBC baselines skipped: " + (database.isEmpty() ? "no --jdbc-url" : "nothing accepted"));
            return;
        }
        target.progress.println("[rest-single] projections " + target.admin().awaitProjections(Duration.ofMinutes(5)));
        Baselines baselines = new Baselines(database.get(), target.options.players, target::meter);
        Table table = new Table("rest-single vs plain JDBC into the same PostgreSQL (" + clients + " connections, "
                + baselines.eventBytes() + "-byte events; " + database.get().describe() + ")",
                "baseline", "events/s", "ratio", "p50 / p99 / p99.9", "timed unit", "CPU ms/event bench / server / PG");
        for (int batch : new int[]{1, 100}) {
            Baselines.Baseline b = baselines.events(load.accepted(), clients, batch);
            table.row(b.name(), b.result().perSecond(), ratio(load.acceptedPerSecond(), b.result().perSecond()),
                    b.result().latencies(), b.unit(), b.result().cpu().perOperation(b.result().written()));
        }
        System.out.print(table.render());
    }

    static String ratio(double value, double baseline) {
        return baseline == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.2f", value / baseline);
    }
}
