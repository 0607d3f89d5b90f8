package dev.leaderboard.server.reads;

import dev.leaderboard.projections.layout.RedisKeys;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.MutableClock;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.TestRedis;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.leaderboard.server.reads.ReadFixture.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ETag, Cache-Control and 304 on the read API, and what a read without a token costs. The hot-page and version TTL
 * is set to a minute, so only a change notification can make a cached page or a known version stale here.
 */
class HttpCachingTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-18T12:00:00Z"));
    private static final String TOP = "/api/v1/leaderboards/global/rankings?limit=10";
    private static final String PLAYER = "/api/v1/leaderboards/global/players/a?context=2";
    private static final String OTHER_BOARD = "/api/v1/leaderboards/weekly-quiz/rankings?limit=10";
    private static final AtomicInteger decodes = new AtomicInteger();
    private static final AtomicInteger tokenLookups = new AtomicInteger();
    private static ServerInstance server;
    private static Api api;

    @BeforeAll
    static void boards() {
        server = ServerInstance.start(TestPostgres.newDatabaseUrl(), TestRedis.shared().port(), CLOCK,
                context -> context.getBeanFactory().addBeanPostProcessor(new CountingAuthentication()),
                "leaderboard.query.top-cache-ttl=1m");
        api = server.api();
        submit(api, "a", "1", "quiz-completed");
        submit(api, "b", "1", "level-up");
        assertThat(api.submit(Tokens.player("q"),
                "{\"actionId\":\"1\",\"type\":\"level-up\",\"leaderboardId\":\"weekly-quiz\"}").status())
                .isEqualTo(202);
        ReadFixture.awaitProjected(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void readsCarryAnEtagAndAShortCacheControl() {
        for (String path : new String[] {TOP, PLAYER, OTHER_BOARD}) {
            HttpResponse<String> response = get(path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("ETag")).as(path).hasValueSatisfying(tag ->
                    assertThat(tag).matches("\"[^\"]+\""));
            assertThat(response.headers().firstValue("Cache-Control")).as(path).hasValue("max-age=1");
        }
    }

    @Test
    void ifNoneMatchWithTheCurrentEtagIs304WithoutTouchingRedis() {
        String topTag = etag(TOP);
        String playerTag = etag(PLAYER);
        long scriptsBefore = redisScriptCalls();

        for (int i = 0; i < 20; i++) {
            for (String[] conditional : new String[][] {{TOP, topTag}, {PLAYER, playerTag}}) {
                HttpResponse<String> response = get(conditional[0], conditional[1]);
                assertThat(response.statusCode()).isEqualTo(304);
                assertThat(response.body()).isEmpty();
                assertThat(response.headers().firstValue("ETag")).hasValue(conditional[1]);
            }
        }

        assertThat(redisScriptCalls()).isEqualTo(scriptsBefore);
        assertThat(get(TOP, "\"someone-else\"").statusCode()).isEqualTo(200);
        assertThat(get(TOP, "W/" + topTag + ", \"x\"").statusCode()).isEqualTo(304);
    }

    @Test
    void aChangeToABoardChangesItsEtagWithinOneNotificationAndOnlyThatBoards() throws Exception {
        String before = etag(TOP);
        String otherBefore = etag(OTHER_BOARD);
        assertThat(get(TOP, before).statusCode()).isEqualTo(304);
        CountDownLatch notified = new CountDownLatch(1);
        RedisMessageListenerContainer listener = new RedisMessageListenerContainer();
        listener.setConnectionFactory(server.bean(RedisConnectionFactory.class));
        listener.addMessageListener((message, pattern) -> {
            if (new String(message.getBody(), StandardCharsets.UTF_8).contains("\"leaderboardId\":\"global\"")) {
                notified.countDown();
            }
        }, new ChannelTopic(server.bean(RedisKeys.class).changesChannel()));
        listener.afterPropertiesSet();
        listener.start();
        try {
            submit(api, "c", "1", "achievement-unlocked");
            assertThat(notified.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            listener.stop();
            listener.destroy();
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> response = get(TOP, before);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"userId\":\"c\"");
            assertThat(response.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(before);
        });
        assertThat(get(OTHER_BOARD, otherBefore).statusCode()).isEqualTo(304);
        assertThat(etag(OTHER_BOARD)).isEqualTo(otherBefore);
    }

    @Test
    void aPublicReadWithoutATokenNeverTouchesTheJwtDecoderNorLooksForAToken() {
        decodes.set(0);
        tokenLookups.set(0);
        for (String path : new String[] {TOP, PLAYER, "/api/v1/leaderboards", "/api/v1/leaderboards/nope/rankings",
                TOP + "&limit=0"}) {
            assertThat(get(path, null).statusCode()).as(path).isIn(200, 400, 404);
        }
        assertThat(decodes).hasValue(0);
        assertThat(tokenLookups).as("bearer token lookups by the authentication filter").hasValue(0);

        assertThat(api.get(TOP, "not-a-token").status()).isEqualTo(401);
        assertThat(api.get(TOP, Tokens.expired("a")).status()).isEqualTo(401);
        assertThat(api.get(TOP, Tokens.player("a")).status()).isEqualTo(200);
        assertThat(decodes.get()).isGreaterThanOrEqualTo(3);
        assertThat(tokenLookups.get()).isGreaterThanOrEqualTo(3);
    }

    private static String etag(String path) {
        HttpResponse<String> response = get(path, null);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.headers().firstValue("ETag").orElseThrow();
    }

    private static HttpResponse<String> get(String path, String ifNoneMatch) {
        var request = api.request(path, null).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return Api.exchange(request);
    }

    /** Lua script calls Redis served so far (the read scripts are the only ones a read can run). */
    private static long redisScriptCalls() {
        Properties stats = server.bean(StringRedisTemplate.class)
                .execute((RedisCallback<Properties>) c -> c.serverCommands().info("commandstats"));
        long calls = 0;
        for (String command : new String[] {"cmdstat_evalsha", "cmdstat_eval"}) {
            String value = stats.getProperty(command);
            if (value != null) {
                calls += Long.parseLong(value.replaceAll("^calls=(\\d+).*$", "$1"));
            }
        }
        return calls;
    }

    /** Counts every token the server's decoder is asked to verify, and every look for a bearer token. */
    private static final class CountingAuthentication implements BeanPostProcessor {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof JwtDecoder decoder) {
                return (JwtDecoder) token -> {
                    decodes.incrementAndGet();
                    return decoder.decode(token);
                };
            }
            if (bean instanceof BearerTokenResolver resolver) {
                return (BearerTokenResolver) request -> {
                    tokenLookups.incrementAndGet();
                    return resolver.resolve(request);
                };
            }
            return bean;
        }
    }
}
