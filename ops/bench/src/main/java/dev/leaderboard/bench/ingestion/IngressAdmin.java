package dev.leaderboard.bench.ingestion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * The server's admin calls the kafka scenario makes (admin token): pause and resume the Kafka ingress consumer
 * ({@code POST /api/v1/admin/ingress/kafka/pause|resume}) and the standings projection's {@code lagSeconds}
 * ({@code GET /api/v1/admin/projections}).
 */
public final class IngressAdmin {

    static final String PAUSE = "/api/v1/admin/ingress/kafka/pause";
    static final String RESUME = "/api/v1/admin/ingress/kafka/resume";
    static final String PROJECTIONS = "/api/v1/admin/projections";

    private final URI baseUrl;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    public IngressAdmin(URI baseUrl, String adminToken) {
        this.baseUrl = baseUrl;
        this.authorization = "Bearer " + adminToken;
    }

    /** Thrown when the server does not offer the Kafka ingress admin endpoints (the consumer is not merged yet). */
    public static final class NoKafkaIngress extends IllegalStateException {
        NoKafkaIngress(String message) {
            super(message);
        }
    }

    public void pause() throws InterruptedException {
        post(PAUSE, false);
    }

    /**
     * Checks that the server has the endpoints before anything is filled: a pause of a consumer that was never
     * started must be harmless; a 409 (not running) counts as "the endpoint exists".
     */
    public void checkPresent() throws InterruptedException {
        post(PAUSE, true);
    }

    public void resume() throws InterruptedException {
        post(RESUME, false);
    }

    private void post(String path, boolean conflictIsFine) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(baseUrl.resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed: " + e, e);
        }
        if (!(conflictIsFine && response.statusCode() == 409)) {
            check(path, response.statusCode(), response.body());
        }
    }

    /** 2xx is fine; 404/405 means the server has no Kafka ingress; anything else is a failure with its body. */
    static void check(String path, int status, String body) {
        if (status >= 200 && status < 300) {
            return;
        }
        if (status == 404 || status == 405) {
            throw new NoKafkaIngress("the server has no Kafka ingress admin endpoint: POST " + path + " answered "
                    + status + ". The kafka scenario needs the Kafka ingress consumer (topic leaderboard.actions, "
                    + "property leaderboard.kafka.consumer.auto-startup, POST /api/v1/admin/ingress/kafka/pause|resume), "
                    + "which this server build does not contain yet");
        }
        throw new IllegalStateException("POST " + path + " answered " + status + ": "
                + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
    }

    /** The standings projection's {@code lagSeconds}: age of the oldest event it has not applied (0 = caught up). */
    public OptionalDouble standingsLagSeconds() throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(baseUrl.resolve(PROJECTIONS))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", authorization)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return OptionalDouble.empty();
            }
            for (JsonNode processor : json.readTree(response.body())) {
                if ("standings".equals(processor.path("name").asText()) && processor.has("lagSeconds")) {
                    return OptionalDouble.of(processor.path("lagSeconds").asDouble());
                }
            }
            return OptionalDouble.empty();
        } catch (IOException e) {
            return OptionalDouble.empty();
        }
    }
}
