package dev.leaderboard.bench.projections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads the standings projection's row of {@code GET /api/v1/admin/projections} (admin token): position, head, lag
 * and segments. Unlike the write benchmark's {@code ProjectionCatchUp} (which only waits), the catch-up scenario
 * needs the figures themselves, polled finely, to time the catch-up.
 */
final class AdminStatus {

    static final String STANDINGS = "standings";

    record Standings(String status, long position, long headPosition, long lag, int segments, int liveGeneration) {
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ObjectMapper json = new ObjectMapper();
    private final HttpRequest request;

    AdminStatus(URI baseUrl, String adminToken) {
        this.request = HttpRequest.newBuilder(baseUrl.resolve("/api/v1/admin/projections"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + adminToken)
                .GET().build();
    }

    /** The standings row, or empty if the server did not answer it (yet). */
    Optional<Standings> read() throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            for (JsonNode processor : json.readTree(response.body())) {
                if (STANDINGS.equals(processor.path("name").asText())) {
                    return Optional.of(new Standings(processor.path("status").asText(),
                            processor.path("position").asLong(), processor.path("headPosition").asLong(),
                            processor.path("lag").asLong(-1), processor.path("segments").asInt(),
                            processor.path("liveGeneration").asInt()));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
