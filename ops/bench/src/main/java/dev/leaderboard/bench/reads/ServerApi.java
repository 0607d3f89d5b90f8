package dev.leaderboard.bench.reads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leaderboard.bench.core.Admin;

import java.io.IOException;
import java.net.URI;
import java.net.http.*;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicLong;

/** What the read-side scenarios call besides their load: one action, the action types, actuator metrics, restore. */
public record ServerApi(URI baseUrl, String serviceToken, Admin admin) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public record ActionType(String type, long points) {
    }

    /** {@code POST /api/v1/actions}; returns the status (202 when stored). */
    public int submit(String userId, String type, String actionId) throws IOException, InterruptedException {
        String body = "{\"actionId\":\"%s\",\"type\":\"%s\",\"userId\":\"%s\"}".formatted(actionId, type, userId);
        return HTTP.send(HttpRequest.newBuilder(baseUrl.resolve("/api/v1/actions")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + serviceToken)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    public ActionType richestActionType() {
        ActionType best = new ActionType("none", 0);
        for (JsonNode type : admin.get("/api/v1/action-types").json()) {
            if (type.path("points").asLong() > best.points()) {
                best = new ActionType(type.path("type").asText(), type.path("points").asLong());
            }
        }
        return best;
    }

    /** A statistic ({@code COUNT}, {@code TOTAL_TIME}, {@code VALUE}) of an actuator metric, e.g. a timer's. */
    public OptionalDouble metric(String query, String statistic) {
        Admin.Answer answer = admin.get("/actuator/metrics/" + query);
        if (answer.status() != 200) {
            return OptionalDouble.empty();
        }
        for (JsonNode m : answer.json().path("measurements")) {
            if (statistic.equals(m.path("statistic").asText())) {
                return OptionalDouble.of(m.path("value").asDouble());
            }
        }
        return OptionalDouble.empty();
    }

    public long heapUsed() {
        return (long) metric("jvm.memory.used?tag=area:heap", "VALUE").orElse(-1);
    }

    /** {@code POST …/standings/restore}: PostgreSQL into Redis, synchronous; returns the rows copied. */
    public long restore() {
        Admin.Answer answer = admin.post("/api/v1/admin/projections/standings/restore");
        if (answer.status() != 200) {
            throw new IllegalStateException("restore answered " + answer.status() + ": " + answer.body());
        }
        return answer.json().path("rows").asLong();
    }

    /** The highest heap in use (actuator, every 200 ms) while it runs: an upper bound, garbage included. */
    public final class HeapSamples implements AutoCloseable {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final AtomicLong highest = new AtomicLong(-1);
        private final AtomicLong samples = new AtomicLong();
        public final long before = heapUsed();

        public HeapSamples() {
            timer.scheduleWithFixedDelay(() -> {
                highest.accumulateAndGet(heapUsed(), Math::max);
                samples.incrementAndGet();
            }, 0, 200, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }

        @Override
        public String toString() {
            return "heap used %d MiB before, at most %d MiB in %d samples, max heap %d MiB".formatted(before >> 20,
                    highest.get() >> 20, samples.get(),
                    (long) metric("jvm.memory.max?tag=area:heap", "VALUE").orElse(-1) >> 20);
        }
    }
}
