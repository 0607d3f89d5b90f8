package dev.leaderboard.bench;

import dev.leaderboard.bench.core.JfrSummaryCommand;
import dev.leaderboard.bench.write.WriteCommands;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ops/bench/run <scenario> [options]}: one subcommand per scenario; {@code --help} on each. */
@Command(name = "ops/bench/run", mixinStandardHelpOptions = true, subcommands = {
        WriteCommands.RestSingle.class, WriteCommands.RestBatch.class, WriteCommands.Kafka.class,
        WriteCommands.HotPlayer.class, WriteCommands.Ingestion.class, JfrSummaryCommand.class,
        dev.leaderboard.bench.reads.ReadCommands.Reads.class, dev.leaderboard.bench.reads.ReadCommands.Sse.class,
        dev.leaderboard.bench.reads.ExportAndClose.Export.class, dev.leaderboard.bench.reads.ExportAndClose.Close.class,
        dev.leaderboard.bench.projections.CatchUp.class, dev.leaderboard.bench.projections.Lag.class,
        CommandLine.HelpCommand.class},
        description = "Benchmarks of the leaderboard server on Gatling, each with its same-run baseline "
                + "(docs/benchmarks.md).")
public final class BenchMain {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new BenchMain()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
