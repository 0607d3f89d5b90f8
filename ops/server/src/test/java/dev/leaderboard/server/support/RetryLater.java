package dev.leaderboard.server.support;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The answer to a request refused for now: {@code 503}, a problem with the given title, and {@code Retry-After}. */
public final class RetryLater {

    private RetryLater() {
    }

    public static void assertRefused(HttpResponse<String> response, String title, String retryAfter) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).hasValue(retryAfter);
        assertThat(response.body()).contains("\"title\":\"" + title + "\"");
    }
}
