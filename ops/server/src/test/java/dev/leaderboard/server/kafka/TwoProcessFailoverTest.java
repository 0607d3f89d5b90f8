package dev.leaderboard.server.kafka;

import dev.leaderboard.server.support.KafkaTestClient;
import dev.leaderboard.server.support.ServerJvm;
import dev.leaderboard.server.support.Standings;
import dev.leaderboard.server.support.TestKafka;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two server processes on one PostgreSQL, Redis and Kafka split the ingress partitions and the projection's
 * segments; {@code kill -9} of one in the middle of the stream, and the other takes over both. Afterwards every
 * action is in the store exactly once and counted exactly once in the standings, in PostgreSQL and in Redis.
 */
class TwoProcessFailoverTest {

    private static final int PLAYERS = 500;
    private static final int ACTIONS_PER_PLAYER = 12;
    private static final int ACTIONS = PLAYERS * ACTIONS_PER_PLAYER;
    private static final long POINTS = 10;

    @Test
    void killedProcessesPartitionsAndSegmentsAreTakenOverWithNothingLostOrCountedTwice() {
        String database = TestPostgres.newDatabaseUrl();
        IngressTopics topics = IngressTopics.unique();
        List<String> properties = new ArrayList<>(List.of(topics.serverProperties(TestKafka.bootstrapServers())));
        properties.addAll(List.of(
                "server.port=0",
                "spring.datasource.url=" + database,
                "spring.datasource.username=" + TestPostgres.server().username(),
                "spring.datasource.password=" + TestPostgres.server().password(),
                "spring.data.redis.host=127.0.0.1",
                "spring.data.redis.port=" + TestRedis.shared().port(),
                "leaderboard.redis.key-prefix=" + topics.group(),
                "leaderboard.kafka.consumer.max-poll-records=100",
                // one consumer per process, so "both processes hold partitions" is "two members hold partitions"
                "leaderboard.kafka.consumer.concurrency=1",
                // a dead member's partitions move within seconds, not the default 45 s
                "spring.kafka.consumer.properties.session.timeout.ms=6000",
                "spring.kafka.consumer.properties.heartbeat.interval.ms=1000"));
        String actions = topics.actions();
        String group = topics.group();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database, TestPostgres.server().username(),
                TestPostgres.server().password()));

        try (KafkaTestClient kafka = new KafkaTestClient(TestKafka.bootstrapServers());
             ServerJvm first = ServerJvm.start("first", properties);
             ServerJvm second = ServerJvm.start("second", properties)) {
            await("both processes consume and own projection segments").atMost(Duration.ofMinutes(4)).ignoreExceptions()
                    .until(() -> kafka.membersWithPartitions(group) == 2 && segmentOwners(jdbc) == 2);

            List<String> sent = new ArrayList<>();
            for (int round = 0; round < ACTIONS_PER_PLAYER; round++) {
                for (int p = 0; p < PLAYERS; p++) {
                    String user = "fp-" + p;
                    String actionId = "r" + round;
                    kafka.sendActionAsync(actions, user, actionId, "quiz-completed");
                    sent.add(user + "/" + actionId);
                }
            }
            kafka.flush();

            await("part of the stream is stored").atMost(Duration.ofMinutes(2))
                    .until(() -> events(jdbc) >= ACTIONS / 4);
            first.kill();

            await("the survivor stores the rest").atMost(Duration.ofMinutes(3))
                    .until(() -> events(jdbc) == ACTIONS && kafka.lag(group, actions) == 0);
            await("the survivor projects the rest").atMost(Duration.ofMinutes(2))
                    .until(() -> projectedAllTimeSum(jdbc) == ACTIONS * POINTS);

            assertThat(second.isAlive()).isTrue();
            assertThat(sent).hasSize(ACTIONS).doesNotHaveDuplicates();
            assertThat(events(jdbc)).isEqualTo(ACTIONS);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM processed_action", Long.class)).isEqualTo(ACTIONS);
            assertThat(jdbc.queryForObject("""
                    SELECT count(*) FROM (SELECT aggregate_identifier FROM domain_event_entry
                    GROUP BY aggregate_identifier HAVING count(*) <> ?) wrong""", Long.class, ACTIONS_PER_PLAYER))
                    .isZero();
            assertThat(projectedAllTimeSum(jdbc)).isEqualTo(ACTIONS * POINTS);
            assertThat(segmentOwners(jdbc)).isEqualTo(1);
            Standings standings = new Standings(TestRedis.template(), jdbc, topics.group());
            await("Redis holds what PostgreSQL holds").atMost(Duration.ofMinutes(1))
                    .until(() -> standings.redisBoards().equals(standings.postgresBoards()));
        }
    }

    private static long events(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type = ?", Long.class,
                "dev.leaderboard.events.ScoreIncreased");
    }

    private static long projectedAllTimeSum(JdbcTemplate jdbc) {
        Long sum = jdbc.queryForObject("""
                SELECT coalesce(sum(score), 0) FROM standing s JOIN projection_generation g
                  ON g.projection = 'standings' AND s.generation = g.live_generation
                WHERE s.leaderboard_id = 'global' AND s.time_window = 'all-time'""", Long.class);
        return sum == null ? 0 : sum;
    }

    private static int segmentOwners(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                SELECT count(DISTINCT owner) FROM token_entry WHERE processor_name = 'standings' AND owner IS NOT NULL""",
                Integer.class);
    }
}
