package dev.leaderboard.bench.core;

import picocli.CommandLine.*;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.*;

/** The options every scenario shares: how the server under test is started, and the load's timing. */
public final class CommonOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

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
            + "phase into DIR and print a summary by component")
    public Optional<Path> serverJfr = Optional.empty();

    @Option(names = "--keep-data", description = "keep the server's data directory")
    public boolean keepData;

    @Option(names = "--local-jar", paramLabel = "JAR",
            defaultValue = "${env:BENCH_LOCAL_JAR:-ops/local/target/leaderboard-local.jar}",
            description = "local mode's runnable jar, which the server is started from (default ${DEFAULT-VALUE})")
    public Path localJar;

    /** Spring arguments of the started server: {@code --server-arg}s plus what a scenario needs. */
    public List<String> springArguments(List<String> scenarioArguments) {
        List<String> arguments = new ArrayList<>(List.of("--leaderboard.rate-limits.enabled=false"));
        arguments.addAll(scenarioArguments);
        serverArgs.forEach(arg -> arguments.add("--" + arg));
        return arguments;
    }

    public void validate() {
        check(warmup >= 0, "--warmup must be 0 or more");
        serverArgs.forEach(arg -> check(arg.matches("[A-Za-z0-9_.\\[\\]-]+=.*"), "--server-arg needs KEY=VALUE, got '"
                + arg + "'"));
    }

    /** A usage error (exit code 2, with the usage) unless {@code valid}. */
    public void check(boolean valid, String message) {
        if (!valid) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
