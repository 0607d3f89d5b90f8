package dev.leaderboard.server.ratelimit;

import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edge rate limits on two real servers sharing one PostgreSQL and one Redis (same key prefix). Buckets refill
 * one token per 100 s, so nothing refills while a test runs: every count here is exact. Server A trusts
 * X-Forwarded-For (forward-headers-strategy native, the request comes from loopback, a trusted proxy), which lets
 * each test use client addresses of its own; server B does not.
 */
class RateLimitTest {

    private static final String[] LIMITS = {
            "leaderboard.rate-limits.enabled=true",
            "leaderboard.rate-limits.player.burst=5",
            "leaderboard.rate-limits.player.refill-per-second=0.01",
            "leaderboard.rate-limits.ip.burst=12",
            "leaderboard.rate-limits.ip.refill-per-second=0.01",
            // this machine is shared and loaded: a slow call would let a request through unchecked (fail open,
            // RateLimitRedisOutageTest) and break the exact counts here
            "leaderboard.rate-limits.redis-timeout=5s",
            "leaderboard.roles=command,query"};

    private static ServerInstance trustingProxy;
    private static ServerInstance direct;

    @BeforeAll
    static void start() {
        String database = TestPostgres.newDatabaseUrl();
        trustingProxy = ServerInstance.start(database, with(LIMITS, "server.forward-headers-strategy=native"));
        direct = ServerInstance.start(database, LIMITS);
    }

    @AfterAll
    static void stop() {
        if (direct != null) {
            direct.close();
        }
        if (trustingProxy != null) {
            trustingProxy.close();
        }
    }

    @Test
    void playerIsRefusedWith429AndRetryAfterOnceItsBurstIsSpentWhileAnotherPlayerIsUnaffected() {
        LimitedApi client = new LimitedApi(trustingProxy.api(), "203.0.113.10");
        String alice = Tokens.player(user());

        for (int i = 0; i < 5; i++) {
            HttpResponse<String> accepted = client.action(alice);
            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(remaining(accepted, "player")).isEqualTo(4 - i);
        }
        HttpResponse<String> refused = client.action(alice);
        HttpResponse<String> otherPlayer = client.action(Tokens.player(user()));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"status\":429", "\"title\":\"Too many requests\"", "player");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isGreaterThanOrEqualTo(1);
        assertThat(refused.headers().firstValue("RateLimit-Policy"))
                .hasValue("\"player\";q=5;w=500, \"ip\";q=12;w=1200");
        assertThat(remaining(refused, "player")).isZero();
        assertThat(otherPlayer.statusCode()).isEqualTo(202);
        assertThat(remaining(otherPlayer, "player")).isEqualTo(4);
    }

    @Test
    void everyRequestFromOneClientAddressCountsAgainstItsLimitWhateverTheToken() {
        LimitedApi client = new LimitedApi(trustingProxy.api(), "203.0.113.20");

        for (int i = 0; i < 12; i++) {
            HttpResponse<String> read = client.get("/api/v1/leaderboards", null);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(remaining(read, "ip")).isEqualTo(11 - i);
        }
        HttpResponse<String> refusedRead = client.get("/api/v1/leaderboards", null);
        HttpResponse<String> refusedAction = client.action(Tokens.player(user()));
        HttpResponse<String> otherAddress = new LimitedApi(trustingProxy.api(), "203.0.113.21")
                .get("/api/v1/leaderboards", null);

        assertThat(refusedRead.statusCode()).isEqualTo(429);
        assertThat(refusedRead.body()).contains("client address");
        assertThat(refusedRead.headers().firstValue("Retry-After")).isPresent();
        assertThat(refusedRead.headers().firstValue("RateLimit-Policy")).hasValue("\"ip\";q=12;w=1200");
        assertThat(refusedAction.statusCode()).isEqualTo(429);
        assertThat(otherAddress.statusCode()).isEqualTo(200);
        assertThat(trustingProxy.api().get("/health", null).status()).isEqualTo(200);
    }

    @Test
    void forwardedForIsIgnoredUnlessTheServerIsToldToTrustIt() {
        int first = remaining(new LimitedApi(direct.api(), "198.51.100.1").get("/api/v1/leaderboards", null), "ip");
        int second = remaining(new LimitedApi(direct.api(), "198.51.100.2").get("/api/v1/leaderboards", null), "ip");
        int third = remaining(new LimitedApi(direct.api(), "198.51.100.3").get("/api/v1/leaderboards", null), "ip");

        assertThat(second).isEqualTo(first - 1);
        assertThat(third).isEqualTo(first - 2);
    }

    @Test
    void serviceTokensAreNotLimitedPerPlayer() {
        LimitedApi client = new LimitedApi(trustingProxy.api(), "203.0.113.30");
        String service = Tokens.service("game-backend");
        String player = user();

        for (int i = 0; i < 8; i++) {
            HttpResponse<String> accepted = client.actionFor(service, player);
            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(accepted.headers().firstValue("RateLimit-Policy")).hasValue("\"ip\";q=12;w=1200");
        }
        assertThat(trustingProxy.rows().ledgerRowsOf(player)).isEqualTo(8);
    }

    @Test
    void batchTakesOneTokenPerActionAndIsRefusedWholeWhenTheyAreNotAllThere() {
        LimitedApi client = new LimitedApi(trustingProxy.api(), "203.0.113.40");
        String player = user();
        String token = Tokens.player(player);

        HttpResponse<String> firstBatch = client.batch(token, 3);
        HttpResponse<String> secondBatch = client.batch(token, 3);
        int storedAfterRefusal = trustingProxy.rows().ledgerRowsOf(player);
        HttpResponse<String> single = client.action(token);
        HttpResponse<String> largerThanBurst = client.batch(Tokens.player(user()), 6);

        assertThat(firstBatch.statusCode()).isEqualTo(200);
        assertThat(remaining(firstBatch, "player")).isEqualTo(2);
        assertThat(secondBatch.statusCode()).isEqualTo(429);
        assertThat(remaining(secondBatch, "player")).isEqualTo(2);
        assertThat(storedAfterRefusal).isEqualTo(3);
        assertThat(single.statusCode()).isEqualTo(202);
        assertThat(remaining(single, "player")).isEqualTo(1);
        assertThat(largerThanBurst.statusCode()).isEqualTo(413);
        assertThat(largerThanBurst.body()).contains("at most 5 actions");
        assertThat(trustingProxy.rows().ledgerRowsOf(player)).isEqualTo(4);
    }

    @Test
    void instancesShareOnePlayersBucket() {
        String token = Tokens.player(user());
        LimitedApi viaA = new LimitedApi(trustingProxy.api(), "203.0.113.50");
        LimitedApi viaB = new LimitedApi(direct.api(), null);

        for (int i = 0; i < 3; i++) {
            assertThat(viaA.action(token).statusCode()).isEqualTo(202);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(viaB.action(token).statusCode()).isEqualTo(202);
        }

        assertThat(viaB.action(token).statusCode()).isEqualTo(429);
        assertThat(viaA.action(token).statusCode()).isEqualTo(429);
    }

    private static int remaining(HttpResponse<String> response, String limit) {
        String state = response.headers().firstValue("RateLimit").orElseThrow(
                () -> new AssertionError("no RateLimit header on " + response.statusCode() + " " + response.body()));
        Matcher matcher = Pattern.compile("\"" + limit + "\";r=(\\d+);t=\\d+").matcher(state);
        if (!matcher.find()) {
            throw new AssertionError("no " + limit + " limit in RateLimit: " + state);
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static String user() {
        return "rl-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static String[] with(String[] properties, String more) {
        String[] all = java.util.Arrays.copyOf(properties, properties.length + 1);
        all[properties.length] = more;
        return all;
    }
}
