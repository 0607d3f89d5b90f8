package dev.leaderboard.server.kafka;

import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.KafkaTestClient;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestKafka;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Operators hold and release this instance's consumption of the actions topic. */
class KafkaIngressAdminTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String PATH = "/api/v1/admin/ingress/kafka";

    @Test
    void aConsumerNotStartedAtStartUpConsumesOnlyOnceResumedAndStopsTakingRecordsWhilePaused() {
        IngressTopics topics = IngressTopics.unique();
        try (KafkaTestClient kafka = new KafkaTestClient(TestKafka.bootstrapServers());
             ServerInstance server = ServerInstance.start(TestPostgres.newDatabaseUrl(),
                     topics.serverProperties(TestKafka.bootstrapServers(),
                             "leaderboard.kafka.consumer.auto-startup=false"))) {
            Api api = server.api();
            String admin = Tokens.admin();
            for (int i = 0; i < 5; i++) {
                kafka.sendAction(topics.actions(), "held", "h-" + i, "quiz-completed");
            }

            Api.Response before = api.get(PATH, admin);
            assertThat(before.status()).isEqualTo(200);
            assertThat(before.json().get("running").asBoolean()).isFalse();
            assertThat(server.rows().eventsOf("held")).isZero();
            // a pause asked for before the first start must not keep the started consumer paused
            assertThat(api.post(PATH + "/pause", admin).status()).isEqualTo(202);

            assertThat(api.post(PATH + "/resume", admin).status()).isEqualTo(202);
            await().atMost(PATIENCE).until(() -> server.rows().eventsOf("held") == 5);

            Api.Response paused = api.post(PATH + "/pause", admin);
            assertThat(paused.status()).isEqualTo(202);
            assertThat(paused.json().get("pauseRequested").asBoolean()).isTrue();
            await().atMost(PATIENCE).until(() -> api.get(PATH, admin).json().get("running").asBoolean());
            kafka.sendAction(topics.actions(), "held", "h-5", "quiz-completed");
            await().during(Duration.ofSeconds(3)).atMost(PATIENCE)
                    .until(() -> server.rows().eventsOf("held") == 5);

            assertThat(api.post(PATH + "/resume", admin).status()).isEqualTo(202);
            await().atMost(PATIENCE).until(() -> server.rows().eventsOf("held") == 6);
        }
    }

    @Test
    void onlyAdminsMayPauseTheIngress() {
        IngressTopics topics = IngressTopics.unique();
        try (ServerInstance server = ServerInstance.start(TestPostgres.newDatabaseUrl(),
                topics.serverProperties(TestKafka.bootstrapServers()))) {
            assertThat(server.api().post(PATH + "/pause", Tokens.service("game")).status()).isEqualTo(403);
            assertThat(server.api().post(PATH + "/pause", null).status()).isEqualTo(401);
        }
    }
}
