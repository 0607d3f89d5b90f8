package dev.leaderboard.bench;

import dev.leaderboard.bench.core.*;
import dev.leaderboard.bench.projections.CatchUp;
import dev.leaderboard.bench.projections.Lag;
import dev.leaderboard.bench.reads.ExportAndClose;
import dev.leaderboard.bench.reads.ReadCommands;
import dev.leaderboard.bench.write.WriteCommands;
import picocli.CommandLine.*;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Path;

/** {@code ops/bench/run <scenario> [options]}: one subcommand per scenario; {@code --help} on each. */
@Command(name = "ops/bench/run", mixinStandardHelpOptions = true, subcommands = {
        ReadCommands.Reads.class, ReadCommands.Sse.class, ExportAndClose.Export.class, ExportAndClose.Close.class,
        CatchUp.class, Lag.class, CommandLine.HelpCommand.class},
        description = "Benchmarks of the leaderboard server on Gatling, each with its same-run baseline "
                + "(docs/benchmarks.md).")
public final class BenchMain {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine root = new CommandLine(new BenchMain());
        // a ParameterException thrown by a command (CommonOptions.check) is a usage error too: picocli exits 2
        CommandLine.getCommandMethods(WriteCommands.class, null).forEach(root::addSubcommand);
        return root;
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
