package dev.leaderboard.bench.core;

import org.springframework.util.FileSystemUtils;

import java.io.*;
import java.net.URI;
import java.nio.file.*;
import java.time.Instant;
import java.util.*;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The server under test and what the benchmark reaches of it: a server started from local mode's jar on a fresh
 * data directory (deleted at the end unless {@code --keep-data}), or one given with {@code --url}.
 */
public final class Target implements AutoCloseable {

    public final CommonOptions options;
    public final Tokens tokens;
    /** Action and player ids of this run never collide with an earlier run's against the same store. */
    public final String runId = "b" + Long.toString(Instant.now().getEpochSecond(), 36)
            + Integer.toString(ThreadLocalRandom.current().nextInt(1296), 36);
    public final PrintStream progress = System.err;
    private final Optional<ServerProcess> server;
    /** The started server first, then the processes that {@link #join()}ed it. */
    private final List<ServerProcess> processes = new ArrayList<>();
    private final List<Path> directories = new ArrayList<>();

    public interface Scenario {
        void run(Target target) throws Exception;
    }

    /**
     * The body of every scenario command: checks the shared options (a usage error, exit 2), starts the target,
     * prints the run's header, runs the scenario, stops and cleans up. Exit code 0, or 1 with {@code FAILED: …}.
     */
    public static int run(String name, CommonOptions options, List<String> serverArguments, Scenario scenario) {
        options.validate();
        try (Target target = open(name, options, serverArguments)) {
            System.out.printf("# %s against %s; %s; JDK %s; load average %s%n", name, target.baseUrl(),
                    CpuMeter.machine(), Runtime.version(), CpuMeter.loadAverage());
            scenario.run(target);
            return 0;
        } catch (Exception e) {
            System.out.println("FAILED: " + name + ": " + e);
            e.printStackTrace();
            return 1;
        }
    }

    private Target(CommonOptions options, Optional<ServerProcess> server) {
        this.options = options;
        this.tokens = Tokens.mint(options.jwtSecret());
        this.server = server;
        server.ifPresent(s -> {
            processes.add(s);
            directories.add(s.launch().dataDirectory());
        });
    }

    public static Target open(String scenario, CommonOptions options, List<String> scenarioArguments)
            throws IOException {
        options.validate();
        if (options.url.isPresent()) {
            return new Target(options, Optional.empty());
        }
        Path jar = options.localJar.toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": ./mvnw -DskipTests -pl ops/local -am package builds it");
        }
        Path log = Path.of(System.getProperty("java.io.tmpdir"), "leaderboard-bench-" + scenario + "-"
                + Instant.now().getEpochSecond() + ".log");
        System.err.printf("[%s] starting the server (log: %s)%n", scenario, log);
        List<String> javaOptions = List.of(options.serverJavaOpts.trim().split("\\s+")).stream()
                .filter(s -> !s.isEmpty()).toList();
        return new Target(options, Optional.of(ServerProcess.start(new ServerProcess.Launch(
                Path.of(ProcessHandle.current().info().command().orElseThrow()), jar, javaOptions,
                options.springArguments(scenarioArguments), Files.createTempDirectory("leaderboard-bench-data-"), log,
                Optional.empty()))));
    }

    public URI baseUrl() {
        return server.map(ServerProcess::baseUrl).orElseGet(() -> options.url.orElseThrow());
    }

    public Admin admin() {
        return new Admin(baseUrl(), tokens.admin());
    }

    public Optional<ServerProcess> server() {
        return server;
    }

    public Optional<ServerProcess.Embedded> embedded() {
        return server.map(ServerProcess::embedded);
    }

    public Optional<Database> database() {
        return embedded().map(ServerProcess.Embedded::jdbcUrl).or(() -> options.jdbcUrl)
                .map(url -> new Database(url, "postgres", "postgres"));
    }

    /** The started server's settings as Spring resolves them (application.yml, environment, --server-arg). */
    public ServerSettings settings() {
        return new ServerSettings(options.localJar, server.map(s -> s.launch().springArguments()).orElse(List.of()));
    }

    /** A second server process on this one's PostgreSQL, Redis and Kafka, metered with it from now on. */
    public ServerProcess join() throws IOException {
        ServerProcess first = server.orElseThrow(() -> new IllegalStateException("a second process needs a server"));
        Path data = Files.createTempDirectory("leaderboard-bench-second-");
        directories.add(data);
        Path log = Path.of(first.launch().logFile().toString().replaceFirst("\\.log$", "-second.log"));
        progress.println("starting a second server process (log: " + log + ")");
        ServerProcess second = ServerProcess.start(first.launch().attachedTo(first.embedded(), data, log));
        processes.add(second);
        return second;
    }

    /** Restarts the server on the same data: every cache is empty, the stored events remain. */
    public void restart() {
        server.orElseThrow(() -> new IllegalStateException("a restart needs a server the benchmark starts")).restart();
    }

    public CpuMeter meter() {
        return CpuMeter.start(processes.stream().flatMap(s -> s.handle().stream()).toList(),
                server.map(ServerProcess::postgresDataDirectory));
    }

    public Phase phase(String name) {
        return new Phase(name, this::meter, server.flatMap(ServerProcess::handle), options.serverJfr);
    }

    public void checkAlive(String during) {
        processes.forEach(s -> s.checkAlive(during));
    }

    @Override
    public void close() throws IOException {
        processes.reversed().forEach(ServerProcess::stop);
        server.ifPresent(s -> progress.println("server log: " + s.launch().logFile()));
        if (!options.keepData) {
            for (Path directory : directories) {
                FileSystemUtils.deleteRecursively(directory);
            }
        }
    }
}
