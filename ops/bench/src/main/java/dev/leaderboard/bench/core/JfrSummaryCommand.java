package dev.leaderboard.bench.core;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "jfr-summary", mixinStandardHelpOptions = true,
        description = "Prints where a JFR recording's CPU samples went, by component, thread and top frame.")
public final class JfrSummaryCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE.jfr")
    Path file;

    @Option(names = "--top", defaultValue = "25", description = "hottest frames to list (default ${DEFAULT-VALUE})")
    int top;

    @Override
    public Integer call() throws Exception {
        System.out.print(JfrSummary.read(file).render(top));
        return 0;
    }
}
