package dev.leaderboard.server.security;

import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The edges a browser or a scraper meets, on a real server that allows one CORS origin. */
class SecurityEdgesTest {

    private static final String ALLOWED_ORIGIN = "https://game.example.test";

    private static ServerInstance server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = ServerInstance.start(TestPostgres.newDatabaseUrl(),
                "leaderboard.http.cors.allowed-origins=" + ALLOWED_ORIGIN);
        api = server.api();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void metricsNeedTheAdminScopeOnTheApiPortWhileHealthAndInfoStayPublic() {
        Api.Response anonymous = api.get("/actuator/prometheus", null);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
        assertThat(api.get("/actuator/prometheus", Tokens.player("ivy")).status()).isEqualTo(403);
        assertThat(api.get("/actuator/metrics", null).status()).isEqualTo(401);
        assertThat(api.get("/actuator/metrics/jvm.memory.used", null).status()).isEqualTo(401);
        assertThat(api.get("/actuator", null).status()).isEqualTo(401);
        Api.Response scrape = api.get("/actuator/prometheus", Tokens.admin());
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");
        assertThat(api.get("/actuator/metrics/jvm.memory.used", Tokens.admin()).status()).isEqualTo(200);

        for (String open : new String[] {"/health", "/liveness", "/readiness", "/actuator/health",
                "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/info"}) {
            assertThat(api.get(open, null).status()).as(open).isNotIn(401, 403);
        }
    }

    @Test
    void tokenLivingLongerThanTheMaximumIsUnauthorized() {
        Instant now = Instant.now();
        Api.Response tooLong = api.submitAction(Tokens.playerLiving("ivy", null, now.plus(Duration.ofDays(30))),
                UUID.randomUUID().toString(), "level-up");
        Api.Response issuedTooLong = api.submitAction(
                Tokens.playerLiving("ivy", now.minus(Duration.ofHours(30)), now.plus(Duration.ofMinutes(5))),
                UUID.randomUUID().toString(), "level-up");

        assertThat(tooLong.status()).isEqualTo(401);
        assertThat(tooLong.isProblem()).isTrue();
        assertThat(issuedTooLong.status()).isEqualTo(401);
        assertThat(api.submitAction(Tokens.player("ivy"), UUID.randomUUID().toString(), "level-up").status())
                .isEqualTo(202);
    }

    @Test
    void corsPreflightFromTheAllowedOriginIsAnsweredAndFromAnyOtherOriginGetsNoCorsHeaders() {
        HttpResponse<String> allowed = preflight(ALLOWED_ORIGIN);
        HttpResponse<String> denied = preflight("https://evil.example.test");
        HttpResponse<String> read = send(api.request("/api/v1/leaderboards", null).header("Origin", ALLOWED_ORIGIN)
                .GET());

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization", "content-type");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(denied.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
        assertThat(read.headers().firstValue("Access-Control-Expose-Headers").orElse("")).contains("ETag");
    }

    @Test
    void livePageCarriesAContentSecurityPolicyAndTheUsualSecurityHeaders() {
        HttpResponse<String> page = send(api.request("/", null).GET());
        HttpResponse<String> apiResponse = send(api.request("/api/v1/leaderboards", null).GET());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"app.js\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(
                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(apiResponse.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(apiResponse.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void csvExportWritesUserIdsThatStartLikeAFormulaAsText() {
        String board = "csv-" + UUID.randomUUID().toString().substring(0, 8);
        String formulaLike = "-2-" + UUID.randomUUID().toString().substring(0, 8);
        String plain = "p" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.put("/api/v1/admin/leaderboards/" + board, Tokens.admin(),
                "{\"name\":\"CSV\",\"description\":\"export escaping\"}").status()).isLessThan(300);
        submit(board, formulaLike, "level-up");
        submit(board, plain, "quiz-completed");

        String csv = await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/leaderboards/" + board + "/export?format=csv", null).body(),
                        body -> body.lines().count() == 3);

        assertThat(csv).isEqualTo("rank,userId,score\n1,'" + formulaLike + ",25\n2," + plain + ",10\n");
        assertThat(api.get("/api/v1/leaderboards/" + board + "/export", null).body())
                .contains("\"userId\":\"" + formulaLike + "\"");
    }

    private static void submit(String board, String userId, String type) {
        Api.Response response = api.submit(Tokens.service("game-backend"), "{\"actionId\":\"" + UUID.randomUUID()
                + "\",\"type\":\"" + type + "\",\"leaderboardId\":\"" + board + "\",\"userId\":\"" + userId + "\"}");
        assertThat(response.status()).isEqualTo(202);
    }

    private static HttpResponse<String> preflight(String origin) {
        return send(api.request("/api/v1/actions", null)
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        return Api.exchange(request);
    }
}
