package dev.leaderboard.bench.core;

import java.io.IOException;
import java.net.*;
import java.net.http.*;
import java.nio.file.*;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.TimeUnit;
import java.util.regex.*;

import static org.awaitility.Awaitility.await;

/**
 * The server under test as a child process: local mode's jar with its embedded servers on free ports, or with
 * {@link Launch#attach} the bare server on another process's. Restartable on the same data; SIGTERM, then SIGKILL.
 */
public final class ServerProcess implements AutoCloseable {

    /** Local mode logs where its embedded servers listen; the Kafka broker may ignore the port it was given. */
    static final Pattern EMBEDDED =
            Pattern.compile("Embedded PostgreSQL on (\\d+), Redis on (\\d+), Kafka on ([^;\\s]+)");

    public record Embedded(int postgresPort, int redisPort, String kafkaBootstrap) {

        public String jdbcUrl() {
            return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres";
        }
    }

    /** @param springArguments {@code --key=value} properties; @param attach another process's embedded servers */
    public record Launch(Path java, Path localJar, List<String> javaOptions, List<String> springArguments,
                         Path dataDirectory, Path logFile, Optional<Embedded> attach) {

        List<String> command(int httpPort) {
            List<String> command = new ArrayList<>(List.of(java.toString()));
            command.addAll(javaOptions);
            attach.ifPresentOrElse(servers -> command.addAll(List.of(
                    // LeaderboardServer instead of LocalLauncher: no embedded servers of its own
                    "-Dloader.main=dev.leaderboard.server.LeaderboardServer", "-cp", localJar.toString(),
                    "org.springframework.boot.loader.launch.PropertiesLauncher", "--spring.profiles.active=local",
                    "--server.address=127.0.0.1", "--spring.datasource.url=" + servers.jdbcUrl(),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                    "--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + servers.redisPort(),
                    "--spring.kafka.bootstrap-servers=" + servers.kafkaBootstrap())),
                    () -> command.addAll(List.of("-jar", localJar.toString())));
            command.add("--server.port=" + httpPort);
            command.addAll(springArguments);
            return command;
        }
    }

    private final Launch launch;
    private volatile Process process;
    private volatile URI baseUrl;
    private volatile Embedded embedded;

    /** Starts the server and returns once {@code /readiness} answers 200. */
    public ServerProcess(Launch launch) {
        this.launch = launch;
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop-bench-server"));
        spawn();
    }

    public void restart() {
        stop();
        spawn();
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public Launch launch() {
        return launch;
    }

    public Optional<ProcessHandle> handle() {
        return Optional.ofNullable(process).map(Process::toHandle);
    }

    public Embedded embedded() {
        return embedded;
    }

    static Optional<Embedded> embedded(List<String> lines) {
        return lines.reversed().stream().map(EMBEDDED::matcher).filter(Matcher::find).findFirst().map(m ->
                new Embedded(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3)));
    }

    public Path postgresDataDirectory() {
        return launch.dataDirectory().resolve("postgres");
    }

    /** Throws if the process ended although the benchmark did not stop it (a figure after that means nothing). */
    public void checkAlive(String during) {
        if (process == null || !process.isAlive()) {
            List<String> lines = logLines();
            throw new IllegalStateException("the server process ended " + during + "; last lines of " + launch.logFile()
                    + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        }
    }

    private void spawn() {
        int httpPort = freePort();
        baseUrl = URI.create("http://127.0.0.1:" + httpPort);
        ProcessBuilder builder = new ProcessBuilder(launch.command(httpPort)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(launch.logFile().toFile()));
        builder.environment().put("LEADERBOARD_DATA_DIR", launch.dataDirectory().toString());
        for (String server : List.of("POSTGRES", "REDIS", "KAFKA")) {
            builder.environment().put("LEADERBOARD_LOCAL_" + server + "_PORT", Integer.toString(freePort()));
        }
        HttpRequest readiness = HttpRequest.newBuilder(baseUrl.resolve("/readiness")).timeout(Duration.ofSeconds(5))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            process = builder.start();
            await("server readiness").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250))
                    .ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                        checkAlive("before it was ready");
                        return http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    });
            embedded = launch.attach().or(() -> embedded(logLines())).orElseThrow(() ->
                    new IllegalStateException("the server did not log where its embedded servers listen"));
        } catch (IOException | RuntimeException e) {
            stop();
            throw new IllegalStateException("the server did not start: " + e.getMessage(), e);
        }
    }

    public synchronized void stop() {
        Process current = process;
        process = null;
        if (current != null) {
            current.destroy();
            if (current.onExit().completeOnTimeout(null, 90, TimeUnit.SECONDS).join() == null) {
                current.destroyForcibly().onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).join();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private List<String> logLines() {
        try {
            return Files.readAllLines(launch.logFile());
        } catch (IOException e) {
            return List.of();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
