package dev.leaderboard.bench;

import dev.leaderboard.bench.projections.*;
import dev.leaderboard.bench.reads.*;
import dev.leaderboard.bench.write.*;
import picocli.CommandLine.*;
import picocli.CommandLine;

/** {@code ops/bench/run <scenario> [options]}: one subcommand per scenario; {@code --help} on each. */
@Command(name = "ops/bench/run", mixinStandardHelpOptions = true, subcommands = {
        WriteCommands.RestSingle.class, WriteCommands.RestBatch.class, Kafka.class,
        HotPlayer.class, Reads.class, Sse.class,
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
}
