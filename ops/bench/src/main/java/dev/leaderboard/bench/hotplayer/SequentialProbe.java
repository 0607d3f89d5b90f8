package dev.leaderboard.bench.hotplayer;

import dev.leaderboard.bench.load.ActionClient;
import dev.leaderboard.bench.load.Outcome;
import dev.leaderboard.bench.report.LatencySummary;
import org.HdrHistogram.Histogram;

import java.util.HashMap;
import java.util.Map;

/** Submits actions for one player one after another and times each. */
final class SequentialProbe {

    private final ActionClient client;
    private final String actionIdPrefix;
    /** Continues across runs, so every action id this probe sends is new. */
    private long sent;

    SequentialProbe(ActionClient client, String actionIdPrefix) {
        this.client = client;
        this.actionIdPrefix = actionIdPrefix;
    }

    /** @param requests submissions in all, the first included (at least 1) */
    Probe run(String userId, int requests) throws InterruptedException {
        Histogram steady = LatencySummary.newHistogram();
        long first = 0;
        Map<String, Long> failures = new HashMap<>();
        for (int i = 0; i < requests; i++) {
            String actionId = actionIdPrefix + "-" + (sent++);
            long start = System.nanoTime();
            Outcome outcome = client.submit(userId, actionId);
            long elapsed = System.nanoTime() - start;
            if (i == 0) {
                first = Math.max(1, elapsed / 1_000);
            } else {
                LatencySummary.record(steady, elapsed);
            }
            if (!outcome.allAccepted()) {
                failures.merge(outcome.label(), 1L, Long::sum);
            }
        }
        return new Probe(first, LatencySummary.of(steady), failures);
    }
}
