package dev.leaderboard.bench.projections;

import dev.leaderboard.bench.core.*;
import dev.leaderboard.bench.reads.Board;
import dev.leaderboard.bench.reads.ReadCommands;
import picocli.CommandLine.*;
import redis.clients.jedis.Jedis;

import java.sql.*;
import java.time.*;
import java.time.temporal.ChronoUnit;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;

@Command(name = "catch-up", mixinStandardHelpOptions = true, description = "--events ScoreIncreased events written "
        + "straight into the event store in one transaction, the running standings processor timed from the commit "
        + "to lag 0; baselines: pipelined ZADD x4 and the batched unnest upsert x4 into a scratch standing table.")
public final class CatchUp extends ReadCommands.ReadCommand {

    @Option(names = "--events", defaultValue = "1000000", description = "events filled (default ${DEFAULT-VALUE})")
    long events;
    @Option(names = "--users", defaultValue = "100000", description = "players they are spread over (default "
            + "${DEFAULT-VALUE})")
    int users;
    @Option(names = "--baseline-seconds", defaultValue = "60", description = "time limit of each baseline (default "
            + "${DEFAULT-VALUE})")
    int baselineSeconds;

    protected void run(Target target) throws Exception {
        common.positive("--events", events);
        common.positive("--users", users);
        Database database = target.database().orElseThrow();
        String seedUser = target.runId + "-seed";
        if (api(target).submit(seedUser, "quiz-completed", seedUser) != 202) {
            throw new IllegalStateException("the seed action was not accepted");
        }
        target.progress.println("[catch-up] seed event stored; projections "
                + target.admin().awaitProjections(Duration.ofMinutes(5)));
        String seed = database.queryText("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE "
                + "aggregate_identifier = '" + seedUser + "'");
        long points = EventFill.tree(seed).path("points").asLong();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant dayStart = now.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant first = now.minus(1, ChronoUnit.HOURS).minus(events, ChronoUnit.MICROS);
        EventFill fill = new EventFill(events, users, target.runId + "f", first.isBefore(dayStart) ? dayStart
                : first.truncatedTo(ChronoUnit.SECONDS)); // one day, week and month, like the seed's periods
        long started = System.nanoTime();
        try (Connection c = database.connect(); PreparedStatement insert = c.prepareStatement(
                fill.insertSql(seed, points, seedUser))) {
            c.setAutoCommit(false); // the running processor sees the whole fill at the commit
            for (long from = 0; from < events; from += 100_000) {
                insert.setLong(1, from);
                insert.setLong(2, Math.min(events, from + 100_000) - 1);
                insert.executeUpdate();
            }
            c.commit();
        }
        long committed = System.nanoTime();
        target.progress.printf("[catch-up] filled %,d events in %.1f s; waiting for standings lag 0%n", events,
                (committed - started) / 1e9);
        CpuMeter cpu = target.meter();
        String last = fill.userId(events - 1);
        try (Jedis redis = new Jedis("127.0.0.1", target.embedded().orElseThrow().redisPort())) {
            await("standings lag 0").atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(100))
                    .until(() -> standingsLag(target) == 0 && redis.hexists(Board.redisKey(redis, "global",
                            "members"), last));
        }
        double seconds = (System.nanoTime() - committed) / 1e9;
        CpuMeter.Usage usage = cpu.stop();
        String stored = database.queryText("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE "
                + "aggregate_identifier = '" + last + "' ORDER BY sequence_number DESC LIMIT 1");
        String expected = fill.expectedPayload(seed, events - 1, points);
        System.out.println("  fill format: " + (expected.equals(stored) ? "the last filled payload is what the "
                + "server's serializer writes" : "DIFFERS\n    stored   " + stored + "\n    expected " + expected));
        var settings = target.settings();
        Table table = new Table("catch-up of %,d events over %,d players (processor: %d threads, batch %d)".formatted(
                events, users, settings.projectionThreads(), settings.projectionBatchSize()), "figure", "events/s",
                "s", "ratio", "p50 / p99 / p99.9 per batch", "CPU ms/event bench / server / PG");
        table.row("catch-up: commit -> lag 0 and last player in Redis", events / seconds, seconds, "1.00", "",
                usage.perOperation(events));
        var totals = EventFill.tree(seed).path("totals");
        String[] periods = {"all-time", totals.path("daily").path("period").asText(),
                totals.path("weekly").path("period").asText(), totals.path("monthly").path("period").asText()};
        Baselines baselines = new Baselines(target, fill, points, periods, settings.projectionThreads(),
                settings.projectionBatchSize(), Duration.ofSeconds(baselineSeconds));
        double[] rates = new double[2];
        String[] names = {"(a) pipelined ZADD x4 per event", "(b) unnest upsert x4 per event, scratch standing"};
        ParallelWriter.Result[] results = {baselines.zadd(), baselines.upsert()};
        for (int i = 0; i < 2; i++) {
            ParallelWriter.Result r = results[i];
            rates[i] = r.perSecond();
            table.row(names[i] + (r.complete(events) ? "" : " (cut at the time limit)"), r.perSecond(),
                    r.elapsed().toMillis() / 1e3, events / seconds / r.perSecond(), r.latencies(),
                    r.cpu().perOperation(r.written()));
        }
        double both = 1 / (1 / rates[0] + 1 / rates[1]);
        table.row("(a) then (b): 1/(1/a+1/b)", both, "", events / seconds / both, "", "");
        System.out.print(table.render());
    }

    static long standingsLag(Target target) {
        return StreamSupport.stream(target.admin().get("/api/v1/admin/projections").json().spliterator(), false)
                .filter(p -> "standings".equals(p.path("name").asText())).mapToLong(p -> p.path("lag").asLong(1))
                .findFirst().orElse(1);
    }
}
