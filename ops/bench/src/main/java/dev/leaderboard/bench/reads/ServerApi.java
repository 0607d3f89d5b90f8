package dev.leaderboard.bench.reads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.bench.load.BenchTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few calls the read benchmark makes besides its load: restore, action types, heap size, one action. */
final class ServerApi {

    private static final Pattern REDIS_PORT = Pattern.compile("Redis on (\\d+)");

    private final URI baseUrl;
    private final BenchTokens tokens;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    ServerApi(URI baseUrl, BenchTokens tokens) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
    }

    /** {@code POST /api/v1/admin/projections/standings/restore}: synchronous; returns the rows it copied. */
    long restore() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        baseUrl.resolve("/api/v1/admin/projections/standings/restore"))
                .timeout(Duration.ofMinutes(20))
                .header("Authorization", "Bearer " + tokens.admin())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("restore answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body()).path("rows").asLong();
    }

    /** The configured action type worth the most points. */
    ActionType richestActionType() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(baseUrl.resolve("/api/v1/action-types"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        ActionType best = null;
        for (JsonNode type : json.readTree(response.body())) {
            ActionType candidate = new ActionType(type.path("type").asText(), type.path("points").asLong());
            if (best == null || candidate.points() > best.points()) {
                best = candidate;
            }
        }
        if (best == null) {
            throw new IllegalStateException("the server has no action types: " + response.body());
        }
        return best;
    }

    record ActionType(String type, long points) {
    }

    /** Submits one action for {@code userId}; returns the HTTP status (202 when it was stored). */
    int submit(String userId, String type, String actionId) throws IOException, InterruptedException {
        String body = "{\"actionId\":\"" + actionId + "\",\"type\":\"" + type + "\",\"userId\":\"" + userId + "\"}";
        return http.send(HttpRequest.newBuilder(baseUrl.resolve("/api/v1/actions"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.service())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** The heap limit the server JVM itself reports ({@code jvm.memory.max}, area heap), in bytes. */
    Optional<Long> maxHeapBytes() {
        return metric("jvm.memory.max?tag=area:heap");
    }

    /** Heap in use now ({@code jvm.memory.used}, area heap), in bytes. */
    Optional<Long> usedHeapBytes() {
        return metric("jvm.memory.used?tag=area:heap");
    }

    /** The server's live-stream fan-out so far ({@code leaderboard.stream.fanout}): events offered, seconds spent. */
    FanOut fanOut() {
        return new FanOut(statistic("leaderboard.stream.fanout", "COUNT").orElse(0.0).longValue(),
                statistic("leaderboard.stream.fanout", "TOTAL_TIME").orElse(0.0));
    }

    /** Seconds the server's closer spent closing periods so far ({@code leaderboard.periods.close}, total time). */
    Optional<Double> periodCloseSeconds() {
        return statistic("leaderboard.periods.close", "TOTAL_TIME");
    }

    /** @param events group events offered to all their clients; @param seconds the time that took in the server */
    record FanOut(long events, double seconds) {

        FanOut since(FanOut before) {
            return new FanOut(events - before.events, seconds - before.seconds);
        }

        double millisPerEvent() {
            return events == 0 ? 0 : seconds * 1000 / events;
        }
    }

    private Optional<Long> metric(String query) {
        return measurements(query).map(m -> m.get(0).path("value").asLong());
    }

    private Optional<Double> statistic(String name, String statistic) {
        return measurements(name).flatMap(m -> {
            for (JsonNode measurement : m) {
                if (statistic.equals(measurement.path("statistic").asText())) {
                    return Optional.of(measurement.path("value").asDouble());
                }
            }
            return Optional.empty();
        });
    }

    private Optional<JsonNode> measurements(String query) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            baseUrl.resolve("/actuator/metrics/" + query))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + tokens.admin())
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode measurements = json.readTree(response.body()).path("measurements");
            return measurements.isArray() && !measurements.isEmpty() ? Optional.of(measurements) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * The embedded Redis port of the server's latest start, from the line the bench server logs at startup
     * ({@code ServerProcess} keeps its ports to itself).
     */
    static OptionalInt redisPort(Path serverLog) throws IOException {
        List<String> lines = new String(Files.readAllBytes(serverLog), StandardCharsets.UTF_8).lines().toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher matcher = REDIS_PORT.matcher(lines.get(i));
            if (lines.get(i).contains("Embedded PostgreSQL on") && matcher.find()) {
                return OptionalInt.of(Integer.parseInt(matcher.group(1)));
            }
        }
        return OptionalInt.empty();
    }
}
