package dev.leaderboard.server.support;

import dev.leaderboard.server.LeaderboardServer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.util.UUID;

/**
 * The whole server on a random port over a real PostgreSQL, Redis and Kafka. Subclasses share one application
 * context, one database and the default Kafka topics, so each test uses players of its own ({@link #newUserId()}).
 */
@SpringBootTest(classes = LeaderboardServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ServerTest {

    @LocalServerPort
    private int port;

    @Autowired
    private DataSource dataSource;

    protected Api api;
    protected EventStoreRows rows;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestPostgres::sharedDatabaseUrl);
        registry.add("spring.datasource.username", () -> TestPostgres.server().username());
        registry.add("spring.datasource.password", () -> TestPostgres.server().password());
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> TestRedis.shared().port());
        registry.add("leaderboard.redis.key-prefix", () -> "shared");
        // as in production: Kafka configured, so the ingress consumer runs in the shared context too
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
        rows = new EventStoreRows(dataSource);
    }

    protected int port() {
        return port;
    }

    protected static String newUserId() {
        return "p-" + UUID.randomUUID().toString().substring(0, 13);
    }

    protected static String newActionId() {
        return UUID.randomUUID().toString();
    }
}
