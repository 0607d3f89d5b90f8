package dev.leaderboard.bench.core;

import com.fasterxml.jackson.databind.*;
import org.awaitility.core.ConditionTimeoutException;

import java.io.*;
import java.net.URI;
import java.net.http.*;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.stream.*;

import static org.awaitility.Awaitility.await;

/** The server's admin endpoints the benchmarks use, with an admin token. */
public record Admin(URI baseUrl, String token) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Answer(int status, String body) {

        /** Fails when the server has no such endpoint (404, 405): it lacks what the scenario needs. */
        public Answer requireFound(String what) {
            if (status == 404 || status == 405) {
                throw new IllegalStateException("the server has no " + what + " endpoint (HTTP " + status + ")");
            }
            return this;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(baseUrl.resolve(path)).GET());
    }

    public Answer post(String path) {
        return send(HttpRequest.newBuilder(baseUrl.resolve(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("request to " + baseUrl + " failed: " + e, e);
        }
    }

    /** The processors on {@code GET /api/v1/admin/projections}; none when the server has no projections role. */
    public Stream<JsonNode> processors() {
        Answer answer = get("/api/v1/admin/projections");
        return answer.status() != 200 ? Stream.empty() : StreamSupport.stream(answer.json().spliterator(), false);
    }

    /** Total {@code lag} of every processor: events not applied yet. */
    public long projectionLag() {
        return processors().mapToLong(p -> p.path("lag").canConvertToLong() ? Math.max(0, p.path("lag").asLong()) : 1)
                .sum();
    }

    /** The standings processor's {@code lagSeconds}: age of the oldest event it has not applied. */
    public OptionalDouble standingsLagSeconds() {
        return processors().filter(p -> "standings".equals(p.path("name").asText()) && p.has("lagSeconds"))
                .mapToDouble(p -> p.path("lagSeconds").asDouble()).findFirst();
    }

    /** @return "caught up", or what was left when {@code timeout} ran out */
    public String awaitProjections(Duration timeout) {
        try {
            await("projections caught up").atMost(timeout).pollInterval(Duration.ofMillis(500))
                    .until(() -> projectionLag() == 0);
            return "caught up";
        } catch (ConditionTimeoutException e) {
            return "not caught up after " + timeout.toSeconds() + " s (lag " + projectionLag() + ")";
        }
    }
}
