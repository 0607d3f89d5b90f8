package dev.leaderboard.bench.core;

import picocli.CommandLine.*;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * A scenario: one subcommand of {@code ops/bench/run}. Its options are checked first ({@link #validate()}: a
 * {@code ParameterException}, which picocli prints with the usage and exits 2, before anything starts); then the
 * server starts, the run's header is printed, {@link #run} runs, and the server is stopped and cleaned up. Exit code
 * 0, or 1 with {@code FAILED: …}.
 */
public abstract class Scenario implements Callable<Integer> {

    @Mixin
    public CommonOptions common;
    @Spec
    protected CommandSpec spec;

    /** Spring properties the started server needs beyond the shared ones. */
    protected List<String> serverArguments() {
        return List.of();
    }

    protected void validate() {
    }

    protected abstract void run(Target target) throws Exception;

    /** {@code --players}, or {@code otherwise} when it was not given. */
    protected int players(int otherwise) {
        return spec.commandLine().getParseResult().hasMatchedOption("--players") ? common.players : otherwise;
    }

    @Override
    public Integer call() {
        common.validate();
        validate();
        String name = spec.name();
        try (Target target = new Target(name, common, serverArguments())) {
            System.out.printf("# %s against %s; %s; JDK %s; load average %s%n", name, target.baseUrl(),
                    CpuMeter.machine(), Runtime.version(), CpuMeter.loadAverage());
            run(target);
            return 0;
        } catch (Exception e) {
            System.out.println("FAILED: " + name + ": " + e);
            e.printStackTrace();
            return 1;
        }
    }
}
