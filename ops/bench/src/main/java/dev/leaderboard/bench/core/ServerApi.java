package dev.leaderboard.bench.core;

import com.fasterxml.jackson.databind.*;
import org.awaitility.core.ConditionTimeoutException;

import java.io.*;
import java.net.URI;
import java.net.http.*;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.*;

import static org.awaitility.Awaitility.await;

/** The server's endpoints the benchmarks call besides their Gatling loads, with the admin or the service token. */
public record ServerApi(URI baseUrl, Tokens tokens) {

    /** The action type every load of the bench sends (10 points in the local profile). */
    public static final String ACTION_TYPE = "quiz-completed";
    private static final Duration PROJECTIONS_PATIENCE = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    public record ActionType(String type, long points) {
    }

    /** The body of {@code POST /api/v1/actions}, and of each Kafka record and batch item. */
    public static String action(String actionId, String type, String userId) {
        return "{\"actionId\":\"%s\",\"type\":\"%s\",\"userId\":\"%s\"}".formatted(actionId, type, userId);
    }

    /** The JSON body of a {@code GET} with the admin token; empty unless it answers 200. */
    public Optional<JsonNode> get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(baseUrl.resolve(path)).GET(), tokens.admin());
        return response.statusCode() == 200 ? Optional.of(json(response.body())) : Optional.empty();
    }

    /** An admin {@code POST} without a body; fails unless it answers 2xx. */
    public JsonNode post(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(baseUrl.resolve(path))
                .POST(HttpRequest.BodyPublishers.noBody()), tokens.admin());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return json(response.body());
    }

    /** {@code POST /api/v1/actions}; returns the status (202 when stored). */
    public int submit(String userId, String type, String actionId) {
        return send(HttpRequest.newBuilder(baseUrl.resolve("/api/v1/actions")).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(action(actionId, type, userId))),
                tokens.service()).statusCode();
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("request to " + baseUrl + " failed: " + e, e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The processors on {@code GET /api/v1/admin/projections}; none when the server has no projections role. */
    public Stream<JsonNode> processors() {
        return get("/api/v1/admin/projections").stream().flatMap(p -> StreamSupport.stream(p.spliterator(), false));
    }

    public Optional<JsonNode> standings() {
        return processors().filter(p -> "standings".equals(p.path("name").asText())).findFirst();
    }

    /** Total {@code lag} of every processor: events not applied yet. */
    public long projectionLag() {
        return processors().mapToLong(p -> p.path("lag").canConvertToLong() ? Math.max(0, p.path("lag").asLong()) : 1)
                .sum();
    }

    /** @return "caught up", or what was left after 5 minutes */
    public String awaitProjections() {
        try {
            await("projections caught up").atMost(PROJECTIONS_PATIENCE).pollInterval(Duration.ofMillis(500))
                    .until(() -> projectionLag() == 0);
            return "caught up";
        } catch (ConditionTimeoutException e) {
            return "not caught up after " + PROJECTIONS_PATIENCE.toSeconds() + " s (lag " + projectionLag() + ")";
        }
    }

    /** Whether the public player read answers 200: the player has a score on {@code board}, all-time. */
    public boolean ranked(String board, String userId) {
        return get("/api/v1/leaderboards/" + board + "/players/" + userId + "?context=0").isPresent();
    }

    public ActionType richestActionType() {
        return StreamSupport.stream(get("/api/v1/action-types").orElseThrow().spliterator(), false)
                .map(t -> new ActionType(t.path("type").asText(), t.path("points").asLong()))
                .max(Comparator.comparingLong(ActionType::points)).orElse(new ActionType("none", 0));
    }

    /** A statistic ({@code COUNT}, {@code TOTAL_TIME}, {@code VALUE}) of an actuator metric; 0 before its first use. */
    public double metric(String query, String statistic) {
        return get("/actuator/metrics/" + query).stream().flatMap(m -> StreamSupport.stream(m.path("measurements")
                        .spliterator(), false)).filter(m -> statistic.equals(m.path("statistic").asText()))
                .mapToDouble(m -> m.path("value").asDouble()).findFirst().orElse(0);
    }

    /** The highest heap in use (actuator, every 200 ms) while it runs: an upper bound, garbage included. */
    public final class HeapSamples implements AutoCloseable {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final AtomicLong highest = new AtomicLong(-1);
        private final AtomicLong samples = new AtomicLong();
        private final long before = heap("used");

        public HeapSamples() {
            timer.scheduleWithFixedDelay(() -> {
                highest.accumulateAndGet(heap("used"), Math::max);
                samples.incrementAndGet();
            }, 0, 200, TimeUnit.MILLISECONDS);
        }

        private long heap(String statistic) {
            return (long) metric("jvm.memory." + statistic + "?tag=area:heap", "VALUE");
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }

        @Override
        public String toString() {
            return "heap used %d MiB before, at most %d MiB in %d samples, max heap %d MiB".formatted(before >> 20,
                    highest.get() >> 20, samples.get(), heap("max") >> 20);
        }
    }
}
