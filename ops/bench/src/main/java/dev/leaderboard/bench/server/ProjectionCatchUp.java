package dev.leaderboard.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waits until the server's streaming projections have processed every stored event ({@code lag} 0 on
 * {@code GET /api/v1/admin/projections}), so a measurement is not disturbed by a catch-up after a restart or a bulk
 * insert. A server that does not answer 200 there (no projections yet) has nothing to wait for.
 */
public final class ProjectionCatchUp {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ObjectMapper json = new ObjectMapper();

    /** @return what was observed, for the report: "caught up", "no projection status", or the last lag seen */
    public String await(URI baseUrl, String adminToken, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/api/v1/admin/projections"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + adminToken)
                .GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        long lag = -1;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    return "no projection status (HTTP " + response.statusCode() + ")";
                }
                JsonNode processors = json.readTree(response.body());
                if (!processors.isArray()) {
                    return "no projection status (unexpected answer)";
                }
                lag = totalLag(processors);
                if (lag == 0) {
                    return processors.isEmpty() ? "no projections" : "caught up";
                }
            } catch (IOException e) {
                // the server may still be warming up: try again until the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for projections", e);
            }
            pause();
        }
        return "not caught up after " + timeout.toSeconds() + " s (lag " + lag + ")";
    }

    private static long totalLag(JsonNode processors) {
        long lag = 0;
        for (JsonNode processor : processors) {
            JsonNode value = processor.get("lag");
            lag += value == null || !value.canConvertToLong() ? 1 : Math.max(0, value.asLong());
        }
        return lag;
    }

    /** Projection progress is only observable by polling. */
    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for projections", e);
        }
    }
}
