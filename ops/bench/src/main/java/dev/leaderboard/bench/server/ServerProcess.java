package dev.leaderboard.bench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmarked server, run as a child process of the benchmark on loopback ports. It can be restarted on the same
 * data directory (to empty the aggregate cache) and is always stopped with SIGTERM first, so it shuts down
 * gracefully and stops its embedded servers.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);
    private static final int LOG_TAIL_LINES = 60;
    /** The line local mode logs once its embedded servers run (LocalLauncher). */
    static final Pattern EMBEDDED_LINE = Pattern.compile(
            "Embedded PostgreSQL on (\\d+), Redis on (\\d+)(?:, Kafka on ([^;\\s]+))?");

    /**
     * Where the embedded servers of the latest start listen, as local mode reported them. The Kafka address is the
     * broker's own bootstrap string: the test-kit broker does not always listen on the port it was asked for.
     */
    public record EmbeddedServers(int postgresPort, int redisPort, String kafkaBootstrap) {
    }

    private final ServerLaunch launch;
    private final HttpClient probe = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private volatile Process process;
    private volatile ServerPorts ports;

    private ServerProcess(ServerLaunch launch) {
        this.launch = launch;
    }

    /** Starts the server and returns once {@code /readiness} answers 200. */
    public static ServerProcess start(ServerLaunch launch) {
        ServerProcess server = new ServerProcess(launch);
        // If the benchmark is interrupted or killed with SIGTERM, the server must not outlive it.
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("stop-bench-server").unstarted(server::stop));
        try {
            server.spawn();
            server.awaitReady();
            return server;
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
    }

    /** Stops the server and starts it again on the same data: every cache is empty, the stored events remain. */
    public void restart() {
        stop();
        spawn();
        awaitReady();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + ports.http());
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/postgres";
    }

    /** The server process while it runs (its embedded Redis and Kafka run inside it or as its children). */
    public Optional<ProcessHandle> handle() {
        return Optional.ofNullable(process).map(Process::toHandle);
    }

    /**
     * Throws if the server process has exited although the benchmark did not stop it (on a shared machine, someone
     * else's cleanup may kill it); a figure measured after that would be another process's, or nothing.
     */
    public void checkAlive(String during) {
        Process current = process;
        if (current == null || !current.isAlive()) {
            throw new IllegalStateException("the server process ended " + during + (current == null ? ""
                    : " with exit code " + current.exitValue()) + " although the benchmark did not stop it; last "
                    + "lines of " + launch.logFile() + ":\n" + logTail());
        }
    }

    /** Where the embedded PostgreSQL keeps its data; its postmaster names it on its command line. */
    public Path postgresDataDirectory() {
        return launch.dataDirectory().resolve("postgres");
    }

    public StorageEngine engine() {
        return launch.engine();
    }

    public ServerLaunch launch() {
        return launch;
    }

    public Path logFile() {
        return launch.logFile();
    }

    /** What the server reported running (engine, token store, transaction manager) in its latest start. */
    public Optional<String> reportedPersistence() {
        return lastLogLineContaining(BenchServer.ENGINE_MARKER)
                .map(line -> line.substring(line.indexOf(BenchServer.ENGINE_MARKER)
                        + BenchServer.ENGINE_MARKER.length()).trim());
    }

    /** The embedded servers' addresses of the latest start, from its log line (the ports asked for as fallback). */
    public EmbeddedServers embeddedServers() {
        return embeddedServers(logLines(), ports);
    }

    static EmbeddedServers embeddedServers(List<String> logLines, ServerPorts asked) {
        for (int i = logLines.size() - 1; i >= 0; i--) {
            Matcher matcher = EMBEDDED_LINE.matcher(logLines.get(i));
            if (matcher.find()) {
                String kafka = matcher.group(3) != null ? matcher.group(3) : "127.0.0.1:" + asked.kafka();
                return new EmbeddedServers(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                        kafka);
            }
        }
        return new EmbeddedServers(asked.postgres(), asked.redis(), "127.0.0.1:" + asked.kafka());
    }

    /** Kafka's bootstrap address of the latest start. */
    public String kafkaBootstrap() {
        return embeddedServers().kafkaBootstrap();
    }

    public synchronized void stop() {
        Process process = this.process;
        if (process == null) {
            return;
        }
        try {
            process.destroy();
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            this.process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void spawn() {
        ports = ServerPorts.free();
        List<String> command = new ArrayList<>();
        command.add(launch.java().toString());
        command.addAll(launch.javaOptions());
        command.addAll(List.of("-jar", launch.jar().toString(), "server", "--engine", launch.engine().label()));
        command.addAll(launch.springArguments());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(launch.logFile().toFile()));
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", Integer.toString(ports.http()));
        env.put("LEADERBOARD_DATA_DIR", launch.dataDirectory().toString());
        env.put("LEADERBOARD_LOCAL_POSTGRES_PORT", Integer.toString(ports.postgres()));
        env.put("LEADERBOARD_LOCAL_REDIS_PORT", Integer.toString(ports.redis()));
        env.put("LEADERBOARD_LOCAL_KAFKA_PORT", Integer.toString(ports.kafka()));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    private void awaitReady() {
        HttpRequest readiness = HttpRequest.newBuilder(baseUrl().resolve("/readiness"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue()
                        + " before it was ready; last lines of " + launch.logFile() + ":\n" + logTail());
            }
            if (isReady(readiness)) {
                return;
            }
            pause();
        }
        throw new IllegalStateException("the server was not ready within " + READY_TIMEOUT.toSeconds()
                + " s; last lines of " + launch.logFile() + ":\n" + logTail());
    }

    private boolean isReady(HttpRequest readiness) {
        try {
            return probe.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the server", e);
        }
    }

    /** Readiness is polled: the server gives no other signal a parent process could wait on. */
    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the server", e);
        }
    }

    public String logTail() {
        List<String> lines = logLines();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    }

    private Optional<String> lastLogLineContaining(String text) {
        List<String> lines = logLines();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains(text)) {
                return Optional.of(lines.get(i));
            }
        }
        return Optional.empty();
    }

    private List<String> logLines() {
        try {
            // lenient decoding: a log may hold bytes that are not UTF-8
            return new String(Files.readAllBytes(launch.logFile()), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return List.of("(log not readable: " + e.getMessage() + ")");
        }
    }
}
