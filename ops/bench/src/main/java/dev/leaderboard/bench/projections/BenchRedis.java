package dev.leaderboard.bench.projections;

import dev.leaderboard.bench.server.ServerProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

import java.time.Duration;

/**
 * A plain Lettuce client (no Spring) to the started server's embedded Redis, for the baseline and the probes.
 * The port is the one the server's latest start reported ({@link ServerProcess#embeddedServers()}).
 */
public final class BenchRedis implements AutoCloseable {

    private final RedisClient client;

    public BenchRedis(int port) {
        this.client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(port)
                .withTimeout(Duration.ofSeconds(30)).build());
    }

    /** The Redis port of the server's latest start. */
    public static int portOf(ServerProcess server) {
        return server.embeddedServers().redisPort();
    }

    public StatefulRedisConnection<String, String> connect() {
        return client.connect();
    }

    /** e.g. "7.2.4". */
    public String version() {
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
