package dev.leaderboard.bench;

import dev.leaderboard.bench.core.JfrSummary;
import dev.leaderboard.bench.projections.*;
import dev.leaderboard.bench.reads.*;
import dev.leaderboard.bench.write.*;
import picocli.CommandLine.*;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Path;

/** {@code ops/bench/run <scenario> [options]}: one subcommand per scenario; {@code --help} on each. */
@Command(name = "ops/bench/run", mixinStandardHelpOptions = true, subcommands = {
        WriteCommands.RestSingle.class, WriteCommands.RestBatch.class, WriteCommands.Kafka.class,
        WriteCommands.Ingestion.class, HotPlayer.class, ReadCommands.Reads.class, ReadCommands.Sse.class,
        ExportAndClose.Export.class, ExportAndClose.Close.class, CatchUp.class, Lag.class,
        CommandLine.HelpCommand.class},
        description = "Benchmarks of the leaderboard server on Gatling, each with its same-run baseline "
                + "(docs/benchmarks.md).")
public final class BenchMain {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** A {@code ParameterException} thrown by a scenario's checks is a usage error too: picocli exits 2. */
    public static CommandLine commandLine() {
        return new CommandLine(new BenchMain());
    }

    @Command(name = "jfr-summary", mixinStandardHelpOptions = true,
            description = "Prints where a JFR recording's CPU samples went, by component, thread and top frame.")
    int jfrSummary(@Parameters(paramLabel = "FILE.jfr") Path file,
                   @Option(names = "--top", defaultValue = "25",
                           description = "hottest frames (default ${DEFAULT-VALUE})")
                   int top) throws IOException {
        System.out.print(JfrSummary.read(file).render(top));
        return 0;
    }
}
