package dev.leaderboard.embedded;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Redis from the embedded-redis Maven artifact, on 127.0.0.1, without persistence (Redis holds only read models that
 * are rebuilt from PostgreSQL) and with its working directory in a temp folder, so no {@code dump.rdb} is left behind.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

    private final RedisServer redis;
    private final int port;

    private EmbeddedRedisServer(RedisServer redis, int port) {
        this.redis = redis;
        this.port = port;
    }

    /** @param port 0 for any free port */
    public static EmbeddedRedisServer start(int port) {
        try {
            int chosen = port > 0 ? port : FreePorts.find();
            Path workDir = Files.createTempDirectory("leaderboard-redis");
            RedisServer redis = RedisServer.newRedisServer()
                    .port(chosen)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("dir " + workDir.toAbsolutePath())
                    .build();
            redis.start();
            return new EmbeddedRedisServer(redis, chosen);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Redis did not start", e);
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            redis.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Redis did not stop cleanly", e);
        }
    }

    static final class FreePorts {
        private FreePorts() {
        }

        static int find() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }
    }
}
