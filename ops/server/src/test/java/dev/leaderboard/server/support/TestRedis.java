package dev.leaderboard.server.support;

import org.springframework.boot.SpringApplication;

import dev.leaderboard.embedded.EmbeddedRedisServer;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** One real Redis per test JVM; contexts keep apart by key prefix. Tests that flush Redis start their own. */
public final class TestRedis {

    private static EmbeddedRedisServer shared;

    private TestRedis() {
    }

    public static synchronized EmbeddedRedisServer shared() {
        if (shared == null) {
            shared = EmbeddedRedisServer.start(0);
            // After Spring has closed every context (they still use it while closing), not in a parallel JVM hook.
            SpringApplication.getShutdownHandlers().add(shared::close);
        }
        return shared;
    }

    /** A client of the shared Redis, for tests whose servers run in JVMs of their own. */
    public static StringRedisTemplate template() {
        LettuceConnectionFactory connections = new LettuceConnectionFactory("127.0.0.1", shared().port());
        connections.afterPropertiesSet();
        connections.start();
        return new StringRedisTemplate(connections);
    }
}
