package dev.leaderboard.bench.core;

import io.gatling.javaapi.core.Simulation;
import org.springframework.util.FileSystemUtils;

import java.io.*;
import java.net.URI;
import java.nio.file.*;
import java.time.*;
import java.util.*;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The server under test, started from local mode's jar on a fresh data directory (deleted at the end unless
 * {@code --keep-data}) with a random JWT secret, and what the benchmark reaches of it.
 */
public final class Target implements AutoCloseable {

    public final Scenario options;
    public final Tokens tokens = Tokens.random();
    /** Action and player ids of this run never collide with an earlier run's against the same store. */
    public final String runId = "b" + Long.toString(Instant.now().getEpochSecond(), 36)
            + Integer.toString(ThreadLocalRandom.current().nextInt(1296), 36);
    public final PrintStream progress = System.err;
    private final ServerProcess server;
    private final List<ServerProcess> processes = new ArrayList<>();
    private final List<Path> directories = new ArrayList<>();

    Target(String scenario, Scenario options) throws IOException {
        this.options = options;
        Path jar = options.localJar.toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": ./mvnw -DskipTests -pl ops/local -am package builds it");
        }
        Path log = Path.of(System.getProperty("java.io.tmpdir"), "leaderboard-bench-" + scenario + "-"
                + Instant.now().getEpochSecond() + ".log");
        progress.printf("[%s] starting the server (log: %s)%n", scenario, log);
        List<String> spring = new ArrayList<>(options.springArguments());
        spring.add("--leaderboard.jwt.secret=" + tokens.secret());
        Path data = Files.createTempDirectory("leaderboard-bench-data-");
        directories.add(data);
        server = new ServerProcess(new ServerProcess.Launch(Path.of(ProcessHandle.current().info().command()
                .orElseThrow()), jar, Arrays.stream(options.serverJavaOpts.trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).toList(), spring, data, log, Optional.empty()));
        processes.add(server);
    }

    public URI baseUrl() {
        return server.baseUrl();
    }

    public ServerApi api() {
        return api(server);
    }

    public ServerApi api(ServerProcess process) {
        return new ServerApi(process.baseUrl(), tokens);
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

    /** A second server process on this one's databases and broker, with these options added or set again. */
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

    /** A Gatling load's measured figures of one request name, and its phase's CPU (and JFR summary). */
    public record Load(GatlingStats stats, GatlingStats.Request request, Phase.Measured phase) {

        /** Under a result table: the machine, the report, failed checks, the JFR summary. */
        public void printNotes() {
            System.out.println("  " + request.name() + ": " + phase.cpu().machine() + "; Gatling report "
                    + stats.report());
            if (!stats.errors().isEmpty()) {
                System.out.println("  failed checks: " + stats.errors());
            }
            phase.profile().ifPresent(System.out::println);
        }
    }

    /** {@code simulation} for {@code --warmup} s unmeasured, then {@code --duration} s measured. */
    public Load load(Class<? extends Simulation> simulation, Object parameters, String request) {
        if (options.warmup > 0) {
            GatlingRun.run(simulation, parameters, "warm-up: " + request, Duration.ofSeconds(options.warmup), null);
        }
        Phase phase = phase(request.replaceAll("\\W+", "-"));
        GatlingStats stats = GatlingRun.run(simulation, parameters, request, Duration.ofSeconds(options.duration),
                phase);
        checkAlive("during " + request);
        return new Load(stats, stats.request(request).orElseThrow(() ->
                new IllegalStateException("no measured requests of " + request + " in " + stats.report())),
                phase.result());
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
