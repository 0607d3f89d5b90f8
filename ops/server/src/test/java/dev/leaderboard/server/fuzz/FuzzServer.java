package dev.leaderboard.server.fuzz;

import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestKafka;
import dev.leaderboard.server.support.TestPostgres;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

/**
 * The one server the fuzz property and the corpus replay share (two JUnit engines, one JVM): its own database, its
 * own Kafka topics and group, started on first use. Spring closes it at JVM exit, as it does the cached test
 * contexts.
 */
final class FuzzServer {

    private static FuzzServer instance;

    private final RawHttp http;
    private final JdbcTemplate jdbc;
    private StoreState lastState;

    private FuzzServer(ServerInstance server) {
        this.http = new RawHttp(((WebServerApplicationContext) server.context()).getWebServer().getPort());
        this.jdbc = server.rows().jdbc();
    }

    static synchronized FuzzServer get() {
        if (instance == null) {
            String id = UUID.randomUUID().toString().substring(0, 8);
            instance = new FuzzServer(ServerInstance.start(TestPostgres.newDatabaseUrl(),
                    "spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                    "leaderboard.kafka.topics.actions=fuzz-actions-" + id,
                    "leaderboard.kafka.topics.dead-letters=fuzz-actions-" + id + ".DLT",
                    "leaderboard.kafka.topics.outcomes=fuzz-outcomes-" + id,
                    "leaderboard.kafka.topics.partitions=1",
                    "leaderboard.kafka.consumer.group-id=fuzz-" + id));
        }
        return instance;
    }

    RawHttp http() {
        return http;
    }

    /** Reads the store now (requests are sent one at a time, and nothing else writes this server's store). */
    StoreState state() {
        lastState = StoreState.of(jdbc);
        return lastState;
    }

    /** The store as the last {@link #state()} read it, i.e. after the previous request. */
    StoreState lastState() {
        return lastState == null ? state() : lastState;
    }
}
