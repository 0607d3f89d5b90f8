package dev.leaderboard.bench.projections;

import dev.leaderboard.bench.server.ServerProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain Lettuce client (no Spring) to the started server's embedded Redis, for the baseline and the probes.
 * The port is read from the server's log line "Embedded PostgreSQL on …, Redis on …" of its latest start, because
 * {@link ServerProcess} does not expose it.
 */
final class BenchRedis implements AutoCloseable {

    private static final Pattern EMBEDDED = Pattern.compile("Embedded PostgreSQL on (\\d+), Redis on (\\d+),");

    private final RedisClient client;

    BenchRedis(int port) {
        this.client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(port)
                .withTimeout(Duration.ofSeconds(30)).build());
    }

    static int portOf(ServerProcess server) {
        try {
            List<String> lines = new String(Files.readAllBytes(server.logFile()), StandardCharsets.UTF_8)
                    .lines().toList();
            for (int i = lines.size() - 1; i >= 0; i--) {
                Matcher matcher = EMBEDDED.matcher(lines.get(i));
                if (matcher.find()) {
                    return Integer.parseInt(matcher.group(2));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the server log " + server.logFile(), e);
        }
        throw new IllegalStateException("the server log " + server.logFile() + " does not name its Redis port");
    }

    StatefulRedisConnection<String, String> connect() {
        return client.connect();
    }

    /** e.g. "7.2.4". */
    String version() {
        try (var connection = connect()) {
            return connection.sync().info("server").lines()
                    .filter(line -> line.startsWith("redis_version:"))
                    .map(line -> line.substring("redis_version:".length()).trim())
                    .findFirst().orElse("?");
        }
    }

    @Override
    public void close() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
