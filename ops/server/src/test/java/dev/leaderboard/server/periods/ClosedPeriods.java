package dev.leaderboard.server.periods;

import dev.leaderboard.projections.generations.ProjectionGenerations;
import dev.leaderboard.projections.periods.PeriodResults;
import dev.leaderboard.server.support.MutableClock;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestKafka;
import dev.leaderboard.server.support.TestRedis;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

import static org.awaitility.Awaitility.await;

/** Servers that close periods by an injected clock, and what the tests read back about closed periods. */
final class ClosedPeriods {

    private ClosedPeriods() {
    }

    /** A server on the database with the closer on (polling every 100 ms) and the results topic given. */
    static ServerInstance closingServer(String database, MutableClock clock, String resultsTopic,
                                        String... more) {
        String[] properties = {
                "leaderboard.periods.close.enabled=true",
                "leaderboard.periods.close.poll-interval=100ms",
                "leaderboard.periods.kafka.topic=" + resultsTopic,
                "leaderboard.outbound.topic.name=" + resultsTopic + ".score-events",
                "spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                "leaderboard.kafka.consumer.enabled=false"};
        String[] all = new String[properties.length + more.length];
        System.arraycopy(properties, 0, all, 0, properties.length);
        System.arraycopy(more, 0, all, properties.length, more.length);
        return ServerInstance.start(database, TestRedis.shared().port(), clock, all);
    }

    static void awaitClosed(ServerInstance server, String board, String window, String period) {
        PeriodResults results = server.bean(PeriodResults.class);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> results.isClosed(
                board, dev.leaderboard.windows.TimeWindow.fromId(window).orElseThrow(), period));
    }

    /** The digest of a generation's visible standings of a period, computed here from the rows, in rank order. */
    static String digestOfStandings(JdbcTemplate jdbc, int generation, String board, String window, String period)
            throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        long[] rank = {0};
        jdbc.query("""
                SELECT user_id, score FROM visible_standing
                WHERE generation = ? AND leaderboard_id = ? AND time_window = ? AND period = ?
                ORDER BY score DESC, reached_at, user_id DESC""", rs -> {
            sha256.update((++rank[0] + "," + rs.getString(1) + "," + rs.getLong(2) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }, generation, board, window, period);
        return HexFormat.of().formatHex(sha256.digest());
    }

    static String storedDigest(JdbcTemplate jdbc, String aggregateId) {
        return jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8')::jsonb ->> 'digest' FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type = 'dev.leaderboard.events.PeriodClosed'""",
                String.class, aggregateId);
    }

    static int liveGeneration(ServerInstance server) {
        return server.bean(ProjectionGenerations.class).current().live();
    }
}
