package dev.leaderboard.bench.reads;

import dev.leaderboard.bench.BenchCli;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The read benchmark's command line ({@code ops/bench/run-reads --help}).
 *
 * @param players          rows of the synthetic all-time board of {@code global}
 * @param readers          concurrent readers (closed loop), for the HTTP reads and the Redis baselines alike
 * @param duration         measured length of each read phase
 * @param warmup           unmeasured load before each read phase
 * @param writeRate        open-loop action submissions per second while the reads run (0: no write load)
 * @param writePlayers     players the write load is spread over (none of them is on the synthetic board)
 * @param writeViaKafka    the write load is produced to {@code leaderboard.actions} (else {@code POST /api/v1/actions})
 * @param connections      concurrent SSE streams
 * @param changes          top changes whose delivery is timed
 * @param changeSpacing    pause between one change being delivered everywhere and the next
 * @param exportHeap       {@code -Xmx} of the query-only server that exports the board
 * @param serverJavaOptions JVM options of both servers (the export server gets {@code -Xmx} on top)
 * @param serverArguments  Spring properties for both servers, as {@code --key=value}
 * @param jwtSecret        HS256 secret the server accepts
 * @param scenarios        which scenarios run (the board is always synthesised)
 */
public record ReadOptions(int players, int readers, Duration duration, Duration warmup, int writeRate,
                          int writePlayers, boolean writeViaKafka, int connections, int changes, Duration changeSpacing,
                          String exportHeap, List<String> serverJavaOptions, List<String> serverArguments,
                          String jwtSecret, Set<Scenario> scenarios, boolean keepData) {

    public enum Scenario {
        READS, SSE, EXPORT, CLOSE;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String USAGE = """
            usage: ops/bench/run-reads [options]
              --players N           rows of the synthetic all-time board of 'global' (default 1000000)
              --readers N           concurrent readers, HTTP and Redis baseline alike (default 16)
              --duration SECONDS    measured length of each of the 4 read phases (default 30)
              --warmup SECONDS      unmeasured reads before each read phase (default 5)
              --write-rate N        open-loop actions per second while the reads run; 0 = none (default 2000)
              --write-players N     players the write load is spread over, not on the board (default 100000)
              --write-via PATH      kafka (records on leaderboard.actions, acknowledged by the broker) or rest
                                    (POST /api/v1/actions) (default kafka)
              --connections N       concurrent SSE streams (default 10000)
              --changes N           timed top changes on the stream (default 10)
              --change-spacing MS   pause after a change reached every client, before the next (default 1000)
              --export-heap SIZE    -Xmx of the (query-only) server that exports the board (default 64m)
              --server-java-opts S  JVM options of the servers (default "--enable-native-access=ALL-UNNAMED")
              --server-arg K=V      a Spring property for the servers (repeatable)
              --jwt-secret S        HS256 secret of the server (default $LEADERBOARD_JWT_SECRET or the local one)
              --only LIST           comma-separated subset of reads,sse,export,close (default all; the board
                                    is always synthesised, and restored into Redis unless only export or close
                                    runs; close: a past day of --players rows closed by a third server, -Xmx256m)
              --keep-data           keep the servers' data directory (their log is always kept)
            """;

    public static ReadOptions parse(String[] args, Map<String, String> env, String localSecret) {
        int players = 1_000_000;
        int readers = 16;
        Duration duration = Duration.ofSeconds(30);
        Duration warmup = Duration.ofSeconds(5);
        int writeRate = 2_000;
        int writePlayers = 100_000;
        boolean writeViaKafka = true;
        int connections = 10_000;
        int changes = 10;
        Duration changeSpacing = Duration.ofMillis(1_000);
        String exportHeap = "64m";
        List<String> javaOptions = List.of("--enable-native-access=ALL-UNNAMED");
        List<String> springArguments = new ArrayList<>();
        String secret = env.getOrDefault("LEADERBOARD_JWT_SECRET", localSecret);
        Set<Scenario> scenarios = EnumSet.allOf(Scenario.class);
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
                case "--players" -> players = BenchCli.wholeInt(name, value, 1);
                case "--readers" -> readers = BenchCli.wholeInt(name, value, 1);
                case "--duration" -> duration = Duration.ofSeconds(BenchCli.wholeInt(name, value, 1));
                case "--warmup" -> warmup = Duration.ofSeconds(BenchCli.wholeInt(name, value, 0));
                case "--write-rate" -> writeRate = BenchCli.wholeInt(name, value, 0);
                case "--write-players" -> writePlayers = BenchCli.wholeInt(name, value, 1);
                case "--write-via" -> writeViaKafka = switch (value.toLowerCase(Locale.ROOT)) {
                    case "kafka" -> true;
                    case "rest" -> false;
                    default -> throw new IllegalArgumentException("--write-via takes kafka or rest, was '" + value
                            + "'");
                };
                case "--connections" -> connections = BenchCli.wholeInt(name, value, 1);
                case "--changes" -> changes = BenchCli.wholeInt(name, value, 1);
                case "--change-spacing" -> changeSpacing = Duration.ofMillis(BenchCli.wholeInt(name, value, 0));
                case "--export-heap" -> {
                    if (!value.matches("[0-9]+[kKmMgG]?")) {
                        throw new IllegalArgumentException("--export-heap must look like 64m, was '" + value + "'");
                    }
                    exportHeap = value;
                }
                case "--server-java-opts" -> javaOptions = value.isBlank() ? List.of()
                        : Arrays.asList(value.trim().split("\\s+"));
                case "--server-arg" -> springArguments.add(BenchCli.springArgument(value));
                case "--jwt-secret" -> secret = value;
                case "--only" -> scenarios = scenarios(value);
                default -> throw new IllegalArgumentException("unknown option '" + name + "'");
            }
        }
        return new ReadOptions(players, readers, duration, warmup, writeRate, writePlayers, writeViaKafka, connections,
                changes,
                changeSpacing, exportHeap, javaOptions, springArguments, secret, scenarios, keepData);
    }

    public ReadOptions {
        serverJavaOptions = List.copyOf(serverJavaOptions);
        serverArguments = List.copyOf(serverArguments);
        scenarios = Set.copyOf(scenarios);
    }

    public boolean runs(Scenario scenario) {
        return scenarios.contains(scenario);
    }

    /** The export server's JVM options: the common ones without any heap limit of their own, then the small heap. */
    public List<String> exportServerJavaOptions() {
        List<String> options = new ArrayList<>(serverJavaOptions.stream().filter(o -> !o.startsWith("-Xmx")).toList());
        options.add("-Xmx" + exportHeap);
        return options;
    }

    private static Set<Scenario> scenarios(String list) {
        Set<Scenario> chosen = EnumSet.noneOf(Scenario.class);
        for (String item : list.split(",")) {
            String wanted = item.trim().toLowerCase(Locale.ROOT);
            chosen.add(Arrays.stream(Scenario.values()).filter(s -> s.label().equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--only takes reads, sse, export; was '"
                            + item + "'")));
        }
        return chosen;
    }
}
