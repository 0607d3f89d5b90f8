package dev.leaderboard.server.kafka;

import dev.leaderboard.server.support.KafkaTestClient;
import dev.leaderboard.server.support.ServerTest;
import dev.leaderboard.server.support.TestKafka;
import dev.leaderboard.server.support.Tokens;
import dev.leaderboard.server.support.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Caps and suspensions decide the same on Kafka as over REST: the record is dead-lettered with the reason. */
class KafkaIntegrityTest extends ServerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static KafkaTestClient kafka;
    private static TopicReader deadLetters;

    @BeforeAll
    static void clients() {
        kafka = new KafkaTestClient(TestKafka.bootstrapServers());
        deadLetters = kafka.reader(KafkaIngressTest.DEAD_LETTERS);
    }

    @AfterAll
    static void closeClients() {
        deadLetters.close();
        kafka.close();
    }

    @Test
    void anActionOverItsCapIsDeadLetteredAsCapReached() {
        String user = newUserId();

        kafka.sendAction(KafkaIngressTest.ACTIONS, user, "bonus-1", "daily-bonus");
        kafka.sendAction(KafkaIngressTest.ACTIONS, user, "bonus-2", "daily-bonus");

        await().atMost(PATIENCE).until(() -> deadLetters.recordsWithKey(user).size() == 1);
        assertThat(TopicReader.header(deadLetters.recordsWithKey(user).getFirst(), "leaderboard-reason"))
                .isEqualTo("cap-reached");
        assertThat(rows.eventsOf(user)).isEqualTo(1);
    }

    @Test
    void aSuspendedPlayersActionIsDeadLetteredAsSuspended() {
        String user = newUserId();
        assertThat(api.put("/api/v1/admin/players/" + user + "/suspension", Tokens.admin(),
                "{\"reason\":\"bot\"}").status()).isEqualTo(200);

        kafka.sendAction(KafkaIngressTest.ACTIONS, user, "k-1", "quiz-completed");

        await().atMost(PATIENCE).until(() -> deadLetters.recordsWithKey(user).size() == 1);
        assertThat(TopicReader.header(deadLetters.recordsWithKey(user).getFirst(), "leaderboard-reason"))
                .isEqualTo("suspended");
        assertThat(rows.storedPointsOf(user)).isZero();
    }

    @Test
    void aRecordsSegmentIsTrustedAndAMalformedOneIsDeadLetteredAsInvalid() {
        String user = newUserId();
        String invalid = newUserId();
        String segment = "k-" + user;

        kafka.send(KafkaIngressTest.ACTIONS, user, "{\"actionId\":\"k-1\",\"userId\":\"" + user
                + "\",\"type\":\"level-up\",\"segment\":\"" + segment + "\"}");
        kafka.send(KafkaIngressTest.ACTIONS, invalid, "{\"actionId\":\"k-1\",\"userId\":\"" + invalid
                + "\",\"type\":\"level-up\",\"segment\":\"not a segment\"}");

        await().atMost(PATIENCE).until(() -> api.get("/api/v1/leaderboards/global/players/" + user + "?segment="
                + segment, null), r -> r.status() == 200 && r.json().get("totalPlayers").asLong() == 1);
        await().atMost(PATIENCE).until(() -> deadLetters.recordsWithKey(invalid).size() == 1);
        assertThat(TopicReader.header(deadLetters.recordsWithKey(invalid).getFirst(), "leaderboard-reason"))
                .isEqualTo("invalid");
        assertThat(rows.eventsOf(invalid)).isZero();
    }
}
