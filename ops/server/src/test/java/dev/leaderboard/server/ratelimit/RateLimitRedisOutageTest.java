package dev.leaderboard.server.ratelimit;

import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TcpProxy;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.TestRedis;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** When the limiter cannot reach Redis it lets requests through (fail open) and counts them; never a 5xx. */
class RateLimitRedisOutageTest {

    @Test
    void requestsSucceedUncheckedWhileRedisIsUnreachableAndTheMetricCountsThem() {
        try (TcpProxy redis = TcpProxy.to(TestRedis.shared().port());
             ServerInstance server = ServerInstance.start(TestPostgres.newDatabaseUrl(), redis.port(), null,
                     "leaderboard.rate-limits.enabled=true", "leaderboard.rate-limits.player.burst=2",
                     "leaderboard.rate-limits.player.refill-per-second=0.01", "leaderboard.roles=command")) {
            LimitedApi client = new LimitedApi(server.api(), null);
            String token = Tokens.player("outage-" + UUID.randomUUID().toString().substring(0, 8));
            HttpResponse<String> checked = client.action(token);

            redis.cut();
            int accepted = 0;
            boolean anyLimitHeader = false;
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> response = client.action(token);
                accepted += response.statusCode() == 202 ? 1 : 0;
                anyLimitHeader |= response.headers().firstValue("RateLimit").isPresent();
            }
            String metrics = server.api().get("/actuator/prometheus", Tokens.admin()).body();

            assertThat(checked.statusCode()).isEqualTo(202);
            assertThat(checked.headers().firstValue("RateLimit")).isPresent();
            assertThat(accepted).isEqualTo(10);
            assertThat(anyLimitHeader).isFalse();
            assertThat(counter(metrics, "leaderboard_rate_limit_unavailable_total")).isGreaterThanOrEqualTo(10);
        }
    }

    private static double counter(String metrics, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)$").matcher(metrics);
        assertThat(matcher.find()).as(name + " in\n" + metrics).isTrue();
        return Double.parseDouble(matcher.group(2));
    }
}
