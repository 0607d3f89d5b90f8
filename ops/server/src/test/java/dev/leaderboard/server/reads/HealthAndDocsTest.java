package dev.leaderboard.server.reads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leaderboard.embedded.EmbeddedKafkaServer;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class HealthAndDocsTest {

    @Test
    void healthShowsPostgresRedisKafkaAndTheProjection() {
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(0);
             ServerInstance server = ServerInstance.start(TestPostgres.newDatabaseUrl(),
                     "spring.kafka.bootstrap-servers=" + kafka.bootstrapServers())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> server.api().get("/health", null).status() == 200);

            JsonNode health = server.api().get("/health", null).json();

            assertThat(health.get("status").asText()).isEqualTo("UP");
            JsonNode components = health.get("components");
            for (String component : new String[] {"db", "redis", "kafka", "standings"}) {
                assertThat(components.get(component).get("status").asText()).as(component).isEqualTo("UP");
            }
            assertThat(server.api().get("/liveness", null).status()).isEqualTo(200);
            assertThat(server.api().get("/readiness", null).status()).isEqualTo(200);
        }
    }

    @Test
    void readinessFailsWhileRedisIsBeingRestored() throws Exception {
        try (ServerInstance server = ServerInstance.start(TestPostgres.newDatabaseUrl())) {
            Api api = server.api();
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/readiness", null).status() == 200);
            api.submitAction(dev.leaderboard.server.support.Tokens.player("steady"), "a-1", "level-up");
            ReadFixture.awaitProjected(server);

            CompletableFuture<Api.Response> restore;
            // Hold the standings table so the restore has started (and marked itself) but cannot finish yet.
            try (Connection blocker = server.rows().jdbc().getDataSource().getConnection()) {
                blocker.setAutoCommit(false);
                try (Statement statement = blocker.createStatement()) {
                    statement.execute("LOCK TABLE standing IN ACCESS EXCLUSIVE MODE");
                }
                restore = CompletableFuture.supplyAsync(() -> api.post(
                        "/api/v1/admin/projections/standings/restore", dev.leaderboard.server.support.Tokens.admin()));

                await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/readiness", null).status() == 503);
                // Reads arriving meanwhile are answered from PostgreSQL, whole, not from a half-restored Redis.
                assertThat(api.get("/api/v1/leaderboards/global/rankings", null).json().get("entries").toString())
                        .isEqualTo("[{\"rank\":1,\"userId\":\"steady\",\"score\":25}]");
                blocker.rollback();
            }
            assertThat(restore.get().status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/readiness", null).status() == 200);
        }
    }

    @Test
    void openApiDescribesTheApi() {
        try (ServerInstance server = ServerInstance.start(TestPostgres.newDatabaseUrl())) {
            Api.Response docs = server.api().get("/v3/api-docs", null);

            assertThat(docs.status()).isEqualTo(200);
            assertThat(docs.json().get("paths").has("/api/v1/actions")).isTrue();
            assertThat(docs.json().get("paths").has("/api/v1/leaderboards/{id}/rankings")).isTrue();
            assertThat(server.api().get("/swagger-ui/index.html", null).status()).isEqualTo(200);
        }
    }
}
