package dev.leaderboard.server.reads;

import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.SseClient;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** LEADERBOARD_PUBLIC_READS=false: reads need a token; the stream also takes it as access_token (EventSource). */
class PrivateReadsTest {

    @Test
    void readsNeedATokenAndOnlyTheStreamAcceptsItInTheQuery() throws Exception {
        try (ServerInstance server = ServerInstance.start(TestPostgres.newDatabaseUrl(), "leaderboard.public-reads=false")) {
            Api api = server.api();
            String token = Tokens.player("reader");
            int port = ((WebServerApplicationContext) server.context()).getWebServer().getPort();

            assertThat(api.get("/api/v1/leaderboards/global/rankings", null).status()).isEqualTo(401);
            assertThat(api.get("/api/v1/leaderboards/global/rankings", token).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/leaderboards/global/rankings", "not-a-token").status()).isEqualTo(401);
            assertThat(api.get("/api/v1/leaderboards/global/players/reader", Tokens.expired("reader")).status())
                    .isEqualTo(401);
            assertThat(api.get("/api/v1/leaderboards/global/rankings?access_token=" + token, null).status())
                    .isEqualTo(401);
            String subset = "/api/v1/leaderboards/global/rankings/subset";
            assertThat(api.post(subset, null, "{\"userIds\":[\"reader\"]}").status()).isEqualTo(401);
            assertThat(api.post(subset, token, "{\"userIds\":[\"reader\"]}").status()).isEqualTo(200);
            String graphql = "{\"query\":\"{ leaderboards { leaderboardId } }\"}";
            assertThat(api.post("/api/v1/graphql", null, graphql).status()).isEqualTo(401);
            assertThat(api.post("/api/v1/graphql", token, graphql).status()).isEqualTo(200);
            try (SseClient anonymous = new SseClient(port, "/api/v1/leaderboards/global/stream")) {
                assertThat(anonymous.status()).isEqualTo(401);
            }
            try (SseClient withQueryToken = new SseClient(port,
                    "/api/v1/leaderboards/global/stream?access_token=" + token)) {
                assertThat(withQueryToken.status()).isEqualTo(200);
                assertThat(withQueryToken.next(Duration.ofSeconds(10)).name()).isEqualTo("leaderboard");
            }
        }
    }
}
