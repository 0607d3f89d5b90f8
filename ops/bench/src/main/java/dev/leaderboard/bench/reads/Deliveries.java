package dev.leaderboard.bench.reads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.bench.core.Latencies;

import java.io.IOException;
import java.util.*;

/**
 * The SSE scenario's bookkeeping. Change k (1-based) is the leader's k-th action of {@code points}: a client has it
 * with its first event showing the leader at k × points or more (a coalesced event covers the changes below). Times
 * are epoch ms (Gatling's receipt stamps), from the change's 202, so a delivery can even be slightly negative.
 */
public final class Deliveries {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Delivery of one change: to how many of the open clients, and how long after the 202. */
    public record Change(int number, int received, int expected, long first, long p50, long p99, long last) {
    }

    private final long points;
    private final long[] answeredAt;
    private final long[][] seenAt;
    private final int[] seen;
    private int opened;
    /** Set when the last change is done: the streams close. */
    public volatile boolean finished;

    public Deliveries(int clients, int changes, long points) {
        this.points = points;
        this.answeredAt = new long[changes];
        this.seenAt = new long[changes][clients];
        this.seen = new int[changes];
        Arrays.stream(seenAt).forEach(row -> Arrays.fill(row, -1));
    }

    public synchronized int open() {
        return opened++;
    }

    public synchronized int opened() {
        return opened;
    }

    public synchronized void changed(int change, long at) {
        answeredAt[change - 1] = at;
    }

    public synchronized void received(int client, OptionalLong leaderScore, long at) {
        int level = (int) Math.min(seen.length, leaderScore.orElse(0) / points);
        for (int k = 0; k < level; k++) {
            if (seenAt[k][client] < 0) {
                seenAt[k][client] = at;
                seen[k]++;
            }
        }
    }

    public synchronized boolean allReceived(int change) {
        return seen[change - 1] >= opened;
    }

    public synchronized List<Change> changes() {
        List<Change> changes = new ArrayList<>();
        for (int k = 0; k < seen.length && answeredAt[k] > 0; k++) {
            long answered = answeredAt[k];
            long[] delays = Arrays.stream(seenAt[k], 0, opened).filter(t -> t >= 0).map(t -> t - answered).sorted()
                    .toArray();
            changes.add(delays.length == 0 ? new Change(k + 1, 0, opened, -1, -1, -1, -1) : new Change(k + 1,
                    delays.length, opened, delays[0], Latencies.at(delays, 0.5), Latencies.at(delays, 0.99),
                    delays[delays.length - 1]));
        }
        return changes;
    }

    /** The leader's score in a Gatling SSE message: an object with {@code "userId": leader} in its data. */
    public static OptionalLong leaderScore(String message, String leader) {
        try {
            JsonNode data = JSON.readTree(message).path("data");
            return (data.isTextual() ? JSON.readTree(data.asText()) : data).findParents("userId").stream()
                    .filter(node -> leader.equals(node.path("userId").asText()) && node.has("score"))
                    .mapToLong(node -> node.path("score").asLong()).findFirst();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }
}
