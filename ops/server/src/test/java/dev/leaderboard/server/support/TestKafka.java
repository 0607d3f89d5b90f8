package dev.leaderboard.server.support;

import dev.leaderboard.embedded.EmbeddedKafkaServer;
import org.springframework.boot.SpringApplication;

/**
 * One real Kafka (KRaft) per test JVM, behind the shared test context; tests that need isolation use topics and a
 * consumer group of their own on it. Tests that stop a broker start their own.
 */
public final class TestKafka {

    private static EmbeddedKafkaServer shared;

    private TestKafka() {
    }

    public static synchronized EmbeddedKafkaServer shared() {
        if (shared == null) {
            shared = EmbeddedKafkaServer.start(0);
            // After Spring has closed every context (their consumers still talk to it while closing).
            SpringApplication.getShutdownHandlers().add(shared::close);
        }
        return shared;
    }

    public static String bootstrapServers() {
        return shared().bootstrapServers();
    }
}
