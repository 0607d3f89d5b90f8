package dev.leaderboard.bench.core;

import org.springframework.util.FileSystemUtils;

import java.io.*;
import java.net.URI;
import java.nio.file.*;
import java.time.Instant;
import java.util.*;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The server under test, started from local mode's jar on a fresh data directory (deleted at the end unless
 * {@code --keep-data}), and what the benchmark reaches of it.
 */
public final class Target implements AutoCloseable {

    public final CommonOptions options;
    public final Tokens tokens;
    /** Action and player ids of this run never collide with an earlier run's against the same store. */
    public final String runId = "b" + Long.toString(Instant.now().getEpochSecond(), 36)
            + Integer.toString(ThreadLocalRandom.current().nextInt(1296), 36);
    public final PrintStream progress = System.err;
    private final ServerProcess server;
    /** The started server first, then the processes that {@link #join}ed it. */
    private final List<ServerProcess> processes = new ArrayList<>();
    private final List<Path> directories = new ArrayList<>();

    private Target(CommonOptions options, ServerProcess server) {
        this.options = options;
        this.tokens = Tokens.mint(options.jwtSecret());
        this.server = server;
        processes.add(server);
        directories.add(server.launch().dataDirectory());
    }

    static Target open(String scenario, CommonOptions options, List<String> scenarioArguments) throws IOException {
        Path jar = options.localJar.toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": ./mvnw -DskipTests -pl ops/local -am package builds it");
        }
        Path log = Path.of(System.getProperty("java.io.tmpdir"), "leaderboard-bench-" + scenario + "-"
                + Instant.now().getEpochSecond() + ".log");
        System.err.printf("[%s] starting the server (log: %s)%n", scenario, log);
        List<String> javaOptions = Arrays.stream(options.serverJavaOpts.trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).toList();
        return new Target(options, new ServerProcess(new ServerProcess.Launch(
                Path.of(ProcessHandle.current().info().command().orElseThrow()), jar, javaOptions,
                options.springArguments(scenarioArguments), Files.createTempDirectory("leaderboard-bench-data-"), log,
                Optional.empty())));
    }

    public URI baseUrl() {
        return server.baseUrl();
    }

    public ServerApi api() {
        return new ServerApi(baseUrl(), tokens);
    }

    public ServerProcess.Embedded embedded() {
        return server.embedded();
    }

    public Database database() {
        return new Database(embedded().jdbcUrl(), "postgres", "postgres");
    }

    /** The started server's settings as Spring resolves them (application.yml, environment, --server-arg). */
    public ServerSettings settings() {
        return new ServerSettings(options.localJar, server.launch().springArguments());
    }

    /**
     * A second server process on this one's PostgreSQL, Redis and Kafka, metered with it from now on: the same JVM
     * options plus {@code javaOptions}, the same Spring properties but those {@code springArguments} set again.
     */
    public ServerProcess join(String name, List<String> javaOptions, List<String> springArguments)
            throws IOException {
        ServerProcess.Launch first = server.launch();
        List<String> java = new ArrayList<>(first.javaOptions());
        java.addAll(javaOptions);
        List<String> spring = new ArrayList<>(first.springArguments());
        spring.removeIf(a -> springArguments.stream().anyMatch(b -> b.startsWith(a.split("=")[0] + "=")));
        spring.addAll(springArguments);
        Path data = Files.createTempDirectory("leaderboard-bench-" + name + "-");
        directories.add(data);
        Path log = Path.of(first.logFile().toString().replaceFirst("\\.log$", "-" + name + ".log"));
        progress.printf("[%s] starting a second server process %s %s (log: %s)%n", name, javaOptions, springArguments,
                log);
        ServerProcess second = new ServerProcess(new ServerProcess.Launch(first.java(), first.localJar(), java,
                spring, data, log, Optional.of(server.embedded())));
        processes.add(second);
        return second;
    }

    /** Restarts the server on the same data: every cache is empty, the stored events remain. */
    public void restart() {
        server.restart();
    }

    public CpuMeter meter() {
        return new CpuMeter(processes.stream().flatMap(s -> s.handle().stream()).toList(),
                server.postgresDataDirectory());
    }

    public Phase phase(String name) {
        return new Phase(name, this::meter, server.handle(), options.serverJfr);
    }

    public void checkAlive(String during) {
        processes.forEach(s -> s.checkAlive(during));
    }

    @Override
    public void close() throws IOException {
        processes.reversed().forEach(ServerProcess::stop);
        progress.println("server log: " + server.launch().logFile());
        if (!options.keepData) {
            for (Path directory : directories) {
                FileSystemUtils.deleteRecursively(directory);
            }
        }
    }
}
