package dev.leaderboard.bench.projections;

import dev.leaderboard.bench.core.*;
import picocli.CommandLine.*;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

@Command(name = "lag", mixinStandardHelpOptions = true, description = "POST /api/v1/actions at --rate per second "
        + "(Gatling open model); every --probe-every-th action goes to a fresh player, timed from its 202 until the "
        + "player's public read (GET /api/v1/leaderboards/global/players/{id}) answers 200.")
public final class Lag extends Scenario {

    @Option(names = "--rate", defaultValue = "500", converter = AtLeastOne.class,
            description = "actions per second (default ${DEFAULT-VALUE})")
    int rate;
    @Option(names = "--probe-every", defaultValue = "20", converter = AtLeastOne.class,
            description = "one probe per N actions (default ${DEFAULT-VALUE})")
    int probeEvery;

    public record Load(String baseUrl, String token, int rate, int players, int probeEvery, String runId,
                       ConcurrentLinkedQueue<Long> lags, AtomicLong unseen) {
    }

    protected void run(Target target) throws Exception {
        target.api().submit(target.runId + "-first", ServerApi.ACTION_TYPE, target.runId + "-first");
        target.progress.println("[lag] projections " + target.api().awaitProjections());
        Load load = new Load(target.baseUrl().toString(), target.tokens.service(), rate, players, probeEvery,
                target.runId, new ConcurrentLinkedQueue<>(), new AtomicLong());
        Target.Load measured = target.load(LagSimulation.class, load, "action");
        GatlingStats.Request r = measured.request();
        Latencies lag = Latencies.ofNanos(load.lags().stream().mapToLong(Long::longValue).toArray());
        System.out.print(new Table("end-to-end lag at %,d actions/s (open model), %d s measured".formatted(rate,
                duration), "figure", "per s", "p50 ms", "p99 ms", "p99.9 ms", "ko",
                "CPU ms/action bench / server / PG")
                .row("POST /api/v1/actions (Gatling)", r.ok() / (double) duration, r.p50(), r.p99(), r.p999(),
                        r.ko(), measured.phase().cpu().perOperation(r.ok()))
                .row("lag: 202 -> player read 200 (%d probes, %d unseen after 30 s)".formatted(lag.count(),
                        load.unseen().get()), "", lag.p50(), lag.p99(), lag.p999(), "", "")
                .render());
        measured.printNotes();
    }

    public static class LagSimulation extends GatlingRun.Metered {

        private final Load load = GatlingRun.parameters(Load.class);
        private final boolean measured = GatlingRun.measured();

        {
            var actions = scenario("lag").exec(s -> {
                long n = GatlingRun.nextId();
                boolean probe = measured && n % load.probeEvery() == 0;
                return s.set("n", n).set("probe", probe).set("user", probe ? load.runId() + "-probe-" + n
                        : "p" + ThreadLocalRandom.current().nextInt(load.players()));
            }).exec(http("action").post("/api/v1/actions").body(StringBody(s ->
                    ServerApi.action(load.runId() + "-" + s.getLong("n"), ServerApi.ACTION_TYPE, s.getString("user"))))
                    .check(status().is(202)))
                    .doIf(s -> s.getBoolean("probe"))
                    .then(exec(s -> s.set("t0", System.nanoTime()).set("seen", false)),
                            asLongAs(s -> !s.getBoolean("seen") && System.nanoTime() - s.getLong("t0") < 30e9).on(
                                    exec(http("lag probe").get("/api/v1/leaderboards/global/players/#{user}?context=0")
                                            .check(status().in(200, 404).saveAs("status"))),
                                    exec(s -> s.set("seen", Integer.valueOf(200).equals(s.get("status")))),
                                    pause(Duration.ofMillis(2))),
                            exec(s -> {
                                if (s.getBoolean("seen")) {
                                    load.lags().add(System.nanoTime() - s.getLong("t0"));
                                } else {
                                    load.unseen().incrementAndGet();
                                }
                                return s;
                            }));
            setUp(actions.injectOpen(constantUsersPerSec(load.rate()).during(GatlingRun.during())))
                    .protocols(http.baseUrl(load.baseUrl()).shareConnections().contentTypeHeader("application/json")
                            .authorizationHeader("Bearer " + load.token()).disableWarmUp());
        }
    }
}
