package dev.leaderboard.server.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A burst of actions raises a flag into the event store that operators list, review and resolve. */
class AnomalyFlagsTest {

    @Test
    void aBurstRaisesAFlagTheAdminListShowsUntilItIsResolved() {
        try (ServerInstance server = ServerInstance.start(TestPostgres.newDatabaseUrl(),
                "leaderboard.anomaly.enabled=true",
                "leaderboard.anomaly.burst.max-actions=5", "leaderboard.anomaly.burst.within=1m",
                "leaderboard.anomaly.cadence.enabled=false", "leaderboard.anomaly.score-jump.enabled=false")) {
            Api api = server.api();
            String token = Tokens.player("speedy");
            for (int i = 0; i < 4; i++) {
                assertThat(api.submitAction(token, "a-" + i, "quiz-completed").status()).isEqualTo(202);
            }
            assertThat(api.get("/api/v1/admin/flags", Tokens.admin()).json()).isEmpty();

            assertThat(api.submitAction(token, "a-4", "quiz-completed").status()).isEqualTo(202);
            assertThat(api.submitAction(token, "a-5", "quiz-completed").status()).isEqualTo(202);

            JsonNode open = api.get("/api/v1/admin/flags?status=open", Tokens.admin()).json();
            assertThat(open).hasSize(1);
            JsonNode flag = open.get(0);
            assertThat(flag.get("userId").asText()).isEqualTo("speedy");
            assertThat(flag.get("rule").asText()).isEqualTo("burst");
            assertThat(flag.get("evidence").get("actions").asInt()).isEqualTo(5);
            assertThat(flag.get("status").asText()).isEqualTo("open");
            assertThat(flag.get("raisedAt").asText()).isNotBlank();
            assertThat(server.rows().storedPointsOf("speedy")).isEqualTo(60);
            assertThat(server.rows().jdbc().queryForObject("""
                    SELECT count(*) FROM domain_event_entry
                    WHERE aggregate_identifier = 'speedy' AND payload_type = 'dev.leaderboard.events.PlayerFlagged'""",
                    Integer.class)).isEqualTo(1);

            String id = flag.get("id").asText();
            Api.Response resolved = api.post("/api/v1/admin/flags/" + id + "/resolve", Tokens.admin(),
                    "{\"resolution\":\"dismissed\",\"reason\":\"speed-run event\"}");

            assertThat(resolved.status()).isEqualTo(200);
            assertThat(resolved.json().get("status").asText()).isEqualTo("resolved");
            assertThat(resolved.json().get("resolvedBy").asText()).isEqualTo("operator");
            assertThat(api.get("/api/v1/admin/flags", Tokens.admin()).json()).isEmpty();
            assertThat(api.get("/api/v1/admin/flags?status=resolved", Tokens.admin()).json()).hasSize(1);
            assertThat(api.post("/api/v1/admin/flags/" + id + "/resolve", Tokens.admin(),
                    "{\"resolution\":\"dismissed\",\"reason\":\"again\"}").status()).isEqualTo(409);
            JsonNode history = api.get("/api/v1/admin/players/speedy/history", Tokens.admin()).json();
            assertThat(history.findValuesAsText("type")).contains("PlayerFlagged", "FlagResolved");
        }
    }

    @Test
    void aRuleWithAutoSuspendSuspendsThePlayerAndRefusesTheirNextAction() {
        try (ServerInstance server = ServerInstance.start(TestPostgres.newDatabaseUrl(),
                "leaderboard.anomaly.enabled=true",
                "leaderboard.anomaly.burst.max-actions=3", "leaderboard.anomaly.burst.auto-suspend=true",
                "leaderboard.anomaly.cadence.enabled=false", "leaderboard.anomaly.score-jump.enabled=false")) {
            Api api = server.api();
            String token = Tokens.player("bot");
            for (int i = 0; i < 3; i++) {
                assertThat(api.submitAction(token, "a-" + i, "quiz-completed").status()).isEqualTo(202);
            }

            Api.Response refused = api.submitAction(token, "a-3", "quiz-completed");

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("reason").asText()).isEqualTo("suspended");
            assertThat(server.rows().storedPointsOf("bot")).isEqualTo(30);
        }
    }

    @Test
    void badFlagRequestsAre4xxProblems() {
        try (ServerInstance server = ServerInstance.start(TestPostgres.newDatabaseUrl())) {
            Api api = server.api();
            assertThat(api.get("/api/v1/admin/flags?status=closed", Tokens.admin()).status()).isEqualTo(400);
            assertThat(api.get("/api/v1/admin/flags?limit=0", Tokens.admin()).status()).isEqualTo(400);
            Api.Response unknown = api.post("/api/v1/admin/flags/0b6f3c1e-5d2a-4f7e-9c11-2a3b4c5d6e7f/resolve",
                    Tokens.admin(), "{\"resolution\":\"dismissed\",\"reason\":\"x\"}");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.isProblem()).isTrue();
            assertThat(api.post("/api/v1/admin/flags/not-a-flag/resolve", Tokens.admin(),
                    "{\"resolution\":\"dismissed\",\"reason\":\"x\"}").status()).isEqualTo(400);
            assertThat(api.post("/api/v1/admin/flags/0b6f3c1e-5d2a-4f7e-9c11-2a3b4c5d6e7f/resolve",
                    Tokens.admin(), "{\"resolution\":\"maybe\",\"reason\":\"x\"}").status()).isEqualTo(400);
        }
    }
}
