package dev.leaderboard.bench.projections;

import dev.leaderboard.bench.BenchCli;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The command line of {@code ops/bench/run-projections}. */
record ProjectionBenchOptions(boolean catchUp,
                              boolean lag,
                              long events,
                              int users,
                              double rate,
                              Duration duration,
                              Duration warmup,
                              double probeShare,
                              int loadPlayers,
                              int maxInFlight,
                              Duration seed,
                              Duration baselineLimit,
                              Optional<Path> serverJar,
                              List<String> serverJavaOptions,
                              List<String> serverArguments,
                              String jwtSecret,
                              boolean keepData) {

    static final List<String> DEFAULT_SERVER_JAVA_OPTIONS = BenchCli.DEFAULT_SERVER_JAVA_OPTIONS;

    static final String USAGE = """
            usage: ops/bench/run-projections [options]
              --scenario S          catch-up | lag | all (default all)
              --events N            events pre-filled for the catch-up (default 1000000)
              --users N             players those events are spread over, interleaved (default 100000)
              --rate R              offered actions per second in the lag scenario, open loop (default 2000)
              --duration SECONDS    measured load of the lag scenario (default 30)
              --warmup SECONDS      unmeasured load at the same rate before it (default 10)
              --probe-share P       share of the actions that go to fresh probe players, whose lag is timed
                                    (default 0.05)
              --load-players N      players the other actions are spread over (default 10000)
              --max-in-flight N     requests in flight at most; the schedule slips beyond it (default 256)
              --seed SECONDS        closed-loop load before the catch-up: warms the server and gives a real stored
                                    event to check the fill's JSON against (default 5)
              --baseline-seconds S  time limit of each catch-up baseline: no batch starts after it; the rate is
                                    then taken over the events written (default 60)
              --server-jar PATH     bench jar to run the server from (default: this jar)
              --server-java-opts S  JVM options of the server process (default "%s")
              --server-arg K=V      a Spring property for the started server (repeatable), e.g.
                                    leaderboard.projections.batch-size=500
              --jwt-secret S        HS256 secret of the server (default $LEADERBOARD_JWT_SECRET or the local one)
              --keep-data           keep the started server's data directory (its log is always kept)
            """.formatted(String.join(" ", DEFAULT_SERVER_JAVA_OPTIONS));

    ProjectionBenchOptions {
        serverJavaOptions = List.copyOf(serverJavaOptions);
        serverArguments = List.copyOf(serverArguments);
    }

    /** Every {@code probeEvery()}-th action is a probe. */
    int probeEvery() {
        return (int) Math.max(1, Math.round(1 / probeShare));
    }

    static ProjectionBenchOptions parse(String[] args, Map<String, String> env, String localSecret) {
        boolean catchUp = true;
        boolean lag = true;
        long events = 1_000_000;
        int users = 100_000;
        double rate = 2_000;
        Duration duration = Duration.ofSeconds(30);
        Duration warmup = Duration.ofSeconds(10);
        double probeShare = 0.05;
        int loadPlayers = 10_000;
        int maxInFlight = 256;
        Duration seed = Duration.ofSeconds(5);
        Duration baselineLimit = Duration.ofSeconds(60);
        Optional<Path> serverJar = Optional.empty();
        List<String> javaOptions = DEFAULT_SERVER_JAVA_OPTIONS;
        List<String> serverArguments = new ArrayList<>();
        String secret = env.getOrDefault("LEADERBOARD_JWT_SECRET", localSecret);
        boolean keepData = false;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--keep-data")) {
                keepData = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name.startsWith("--") ? name + " needs a value"
                        : "unknown argument '" + name + "'");
            }
            String value = args[++i];
            switch (name) {
                case "--scenario" -> {
                    switch (value.toLowerCase(Locale.ROOT)) {
                        case "all" -> { catchUp = true; lag = true; }
                        case "catch-up", "catchup" -> { catchUp = true; lag = false; }
                        case "lag" -> { catchUp = false; lag = true; }
                        default -> throw new IllegalArgumentException("--scenario must be catch-up, lag or all");
                    }
                }
                case "--events" -> events = BenchCli.wholeNumber(name, value, 1);
                case "--users" -> users = (int) Math.min(Integer.MAX_VALUE, BenchCli.wholeNumber(name, value, 1));
                case "--rate" -> rate = positiveDecimal(name, value);
                case "--duration" -> duration = Duration.ofSeconds(BenchCli.wholeNumber(name, value, 1));
                case "--warmup" -> warmup = Duration.ofSeconds(BenchCli.wholeNumber(name, value, 0));
                case "--probe-share" -> {
                    probeShare = positiveDecimal(name, value);
                    if (probeShare > 1) {
                        throw new IllegalArgumentException("--probe-share is a share between 0 and 1");
                    }
                }
                case "--load-players" -> loadPlayers = (int) Math.min(Integer.MAX_VALUE, BenchCli.wholeNumber(name, value, 1));
                case "--max-in-flight" -> maxInFlight = (int) Math.min(100_000, BenchCli.wholeNumber(name, value, 1));
                case "--seed" -> seed = Duration.ofSeconds(BenchCli.wholeNumber(name, value, 1));
                case "--baseline-seconds" -> baselineLimit = Duration.ofSeconds(BenchCli.wholeNumber(name, value, 1));
                case "--server-jar" -> serverJar = Optional.of(Path.of(value));
                case "--server-java-opts" -> javaOptions = value.isBlank() ? List.of()
                        : Arrays.asList(value.trim().split("\\s+"));
                case "--server-arg" -> serverArguments.add(BenchCli.springArgument(value));
                case "--jwt-secret" -> secret = value;
                default -> throw new IllegalArgumentException("unknown option '" + name + "'");
            }
        }
        return new ProjectionBenchOptions(catchUp, lag, events, users, rate, duration, warmup, probeShare,
                loadPlayers, maxInFlight, seed, baselineLimit, serverJar, javaOptions, serverArguments, secret, keepData);
    }

    private static double positiveDecimal(String name, String value) {
        try {
            double parsed = Double.parseDouble(value.replace("_", ""));
            if (!(parsed > 0) || Double.isInfinite(parsed)) {
                throw new IllegalArgumentException(name + " must be above 0");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was '" + value + "'");
        }
    }
}
