package dev.leaderboard.bench;

import dev.leaderboard.bench.server.BenchServer;

import java.util.Arrays;

/**
 * The bench jar's entry point. {@code java -jar leaderboard-bench.jar [options]} runs the write benchmark (see
 * {@link BenchOptions#USAGE}); {@code java -jar leaderboard-bench.jar server --engine jdbc|jpa} runs the server it
 * benchmarks (the benchmark starts it that way as a subprocess).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("server")) {
            BenchServer.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(WriteBenchmark.run(args));
    }
}
