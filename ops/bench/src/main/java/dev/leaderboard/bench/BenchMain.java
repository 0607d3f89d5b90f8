package dev.leaderboard.bench;

import dev.leaderboard.bench.core.JfrSummaryCommand;
import dev.leaderboard.bench.write.WriteCommands;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ops/bench/run <scenario> [options]}: one subcommand per scenario; {@code --help} on each. */
@Command(name = "ops/bench/run", mixinStandardHelpOptions = true, subcommands = JfrSummaryCommand.class,
        description = "Benchmarks of the leaderboard server on Gatling, each with its same-run baseline "
                + "(docs/benchmarks.md).")
public final class BenchMain {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine root = new CommandLine(new BenchMain());
        CommandLine.getCommandMethods(WriteCommands.class, null).forEach(root::addSubcommand);
        // options checked inside a command (ranges, combinations) are usage errors too: message, usage, exit code 2
        return root.setExecutionExceptionHandler((e, command, parsed) -> {
            if (!(e instanceof CommandLine.ParameterException)) {
                throw e;
            }
            command.getErr().println(e.getMessage());
            command.usage(command.getErr());
            return command.getCommandSpec().exitCodeOnInvalidInput();
        });
    }
}
