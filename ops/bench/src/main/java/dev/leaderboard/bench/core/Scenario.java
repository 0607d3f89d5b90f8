package dev.leaderboard.bench.core;

import picocli.CommandLine.*;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.Callable;

/**
 * A scenario: one subcommand of {@code ops/bench/run}, with the options all share. Bad options are usage errors (exit
 * code 2) before anything starts; then the server starts, {@link #run} runs, the server stops. Exit code 0 or 1.
 */
public abstract class Scenario implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "10",
            description = "unmeasured seconds of load before each measured phase (default ${DEFAULT-VALUE})")
    public int warmup;

    @Option(names = "--duration", paramLabel = "S", defaultValue = "30", converter = AtLeastOne.class,
            description = "measured seconds of each load (default ${DEFAULT-VALUE})")
    public int duration;

    @Option(names = "--players", paramLabel = "N", defaultValue = "10000", converter = AtLeastOne.class,
            description = "players the HTTP actions are spread over, uniformly at random (default ${DEFAULT-VALUE})")
    public int players;

    @Option(names = "--server-arg", paramLabel = "K=V", description = "a Spring property of the started server "
            + "(repeatable), e.g. leaderboard.commands.batching.linger=2ms")
    public List<String> serverArgs = new ArrayList<>();

    @Option(names = "--server-java-opts", paramLabel = "S", defaultValue = "--enable-native-access=ALL-UNNAMED",
            description = "JVM options of the server process (default ${DEFAULT-VALUE})")
    public String serverJavaOpts;

    @Option(names = "--server-jfr", paramLabel = "DIR", description = "record the server with JFR over each measured "
            + "phase into DIR; print its samples by thread and hot methods")
    public Optional<Path> serverJfr = Optional.empty();

    @Option(names = "--keep-data", description = "keep the server's data directory")
    public boolean keepData;

    @Option(names = "--local-jar", paramLabel = "JAR",
            defaultValue = "${env:BENCH_LOCAL_JAR:-ops/local/target/leaderboard-local.jar}",
            description = "local mode's runnable jar, which the server is started from (default ${DEFAULT-VALUE})")
    public Path localJar;

    /** Spring properties the started server needs beyond the shared ones. */
    protected List<String> serverArguments() {
        return List.of();
    }

    protected void validate() {
    }

    protected abstract void run(Target target) throws Exception;

    /** Spring arguments of the started server: the bench's defaults, the scenario's, then {@code --server-arg}s. */
    public List<String> springArguments() {
        List<String> arguments = new ArrayList<>(List.of("--leaderboard.rate-limits.enabled=false"));
        arguments.addAll(serverArguments());
        serverArgs.forEach(arg -> arguments.add("--" + arg));
        return arguments;
    }

    /** {@code --players}, or {@code otherwise} when it was not given. */
    protected int players(int otherwise) {
        return spec.commandLine().getParseResult().hasMatchedOption("--players") ? players : otherwise;
    }

    /** A usage error (exit code 2, with the usage) unless {@code valid}. */
    protected void check(boolean valid, String message) {
        if (!valid) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    @Override
    public Integer call() {
        check(warmup >= 0, "--warmup must be 0 or more");
        serverArgs.forEach(arg -> check(arg.matches("[A-Za-z0-9_.\\[\\]-]+=.*"), "--server-arg needs KEY=VALUE, got '"
                + arg + "'"));
        validate();
        String name = spec.name();
        try (Target target = new Target(name, this)) {
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
