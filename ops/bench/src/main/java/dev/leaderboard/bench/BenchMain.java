package dev.leaderboard.bench;

import dev.leaderboard.bench.profile.JfrSummary;
import dev.leaderboard.bench.server.BenchServer;

import java.util.Arrays;

/**
 * The bench jar's entry point. {@code java -jar leaderboard-bench.jar [options]} runs the write benchmark (see
 * {@link BenchOptions#USAGE}); {@code java -jar leaderboard-bench.jar server --engine jdbc|jpa} runs the server it
 * benchmarks (the benchmark starts it that way as a subprocess); {@code java -jar leaderboard-bench.jar jfr-summary
 * FILE.jfr} prints where a recorded server's CPU went, by component.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws java.io.IOException {
        BenchCli.logbackStatusToStderr();
        if (args.length > 0 && args[0].equals("jfr-summary")) {
            JfrSummary.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("server")) {
            BenchServer.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(WriteBenchmark.run(args));
    }
}
