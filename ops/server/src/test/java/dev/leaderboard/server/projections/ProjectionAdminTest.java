package dev.leaderboard.server.projections;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerTest;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import dev.leaderboard.projections.admin.ProjectionStatusReader;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@AutoConfigureObservability
class ProjectionAdminTest extends ServerTest {

    @Autowired
    private ProjectionStatusReader status;

    @Test
    void statusReportsPositionHeadLagAndSegments() {
        api.submitAction(Tokens.player(newUserId()), newActionId(), "quiz-completed");
        await().atMost(Duration.ofSeconds(30)).until(() -> status.standings().lag() == 0);

        Api.Response response = api.get("/api/v1/admin/projections", Tokens.admin());

        assertThat(response.status()).isEqualTo(200);
        JsonNode standings = response.json().get(0);
        assertThat(standings.get("name").asText()).isEqualTo("standings");
        assertThat(standings.get("status").asText()).isEqualTo("running");
        assertThat(standings.get("position").asLong()).isEqualTo(standings.get("headPosition").asLong());
        assertThat(standings.get("headPosition").asLong()).isPositive();
        assertThat(standings.get("lag").asLong()).isZero();
        assertThat(standings.get("segments").asInt()).isEqualTo(4);
        JsonNode outbound = response.json().get(1);
        assertThat(outbound.get("name").asText()).isEqualTo("outbound-score-events");
        assertThat(outbound.get("status").asText()).isEqualTo("running");
        assertThat(outbound.get("headPosition").asLong()).isPositive();
        assertThat(outbound.get("segments").asInt()).isEqualTo(4);
        assertThat(outbound.get("liveGeneration").isNull()).isTrue();
    }

    @Test
    void restoreRebuildsRedisFromPostgres() {
        api.submitAction(Tokens.player(newUserId()), newActionId(), "quiz-completed");
        await().atMost(Duration.ofSeconds(30)).until(() -> status.standings().lag() == 0);

        Api.Response response = api.post("/api/v1/admin/projections/standings/restore", Tokens.admin());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("rows").asLong()).isPositive();
    }

    @Test
    void unknownProjectionIs404AndNonAdminsAreRefused() {
        Api.Response unknown = api.post("/api/v1/admin/projections/nope/replay", Tokens.admin());
        Api.Response player = api.get("/api/v1/admin/projections", Tokens.player(newUserId()));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(player.status()).isEqualTo(403);
    }

    @Test
    void projectionMetricsAreExposedForPrometheus() {
        Api.Response metrics = api.get("/actuator/prometheus", Tokens.admin());

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("leaderboard_projection_lag_events", "leaderboard_projection_lag_seconds",
                "leaderboard_projection_events_applied_total", "leaderboard_projection_rebuild_progress",
                "leaderboard_projection_lag_events{projection=\"outbound-score-events\"",
                "leaderboard_outbound_records_published_total", "leaderboard_outbound_batches_failed_total");
    }
}
