package dev.leaderboard.bench.load;

import dev.leaderboard.bench.report.CpuMeter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The HTTP write loads, run by the {@link LoadRunner}: each client sends {@code POST /api/v1/actions} (one action
 * per request) or {@code POST /api/v1/actions/batch} ({@code actionsPerRequest} actions per request), for players
 * drawn uniformly at random, with action ids unique per run, phase, client and call.
 */
public final class HttpLoad {

    private final ActionClient client;
    private final String actionIdPrefix;
    private final int actionsPerRequest;
    private final LoadRunner runner;

    /** {@code POST /api/v1/actions}, one action per request. */
    public HttpLoad(ActionClient client, String actionIdPrefix) {
        this(client, actionIdPrefix, 0);
    }

    private HttpLoad(ActionClient client, String actionIdPrefix, int actionsPerRequest) {
        this.client = client;
        this.actionIdPrefix = actionIdPrefix;
        this.actionsPerRequest = actionsPerRequest;
        this.runner = new LoadRunner(actionsPerRequest == 0 ? "bench-client" : "bench-batch-client");
    }

    /** @param actionIdPrefix makes action ids unique across runs against the same store */
    public static HttpLoad single(ActionClient client, String actionIdPrefix) {
        return new HttpLoad(client, actionIdPrefix, 0);
    }

    /** {@code POST /api/v1/actions/batch} with {@code actionsPerRequest} actions (1–1,000) per request. */
    public static HttpLoad batches(ActionClient client, String actionIdPrefix, int actionsPerRequest) {
        if (actionsPerRequest < 1 || actionsPerRequest > 1_000) {
            throw new IllegalArgumentException("a batch holds 1 to 1000 actions");
        }
        return new HttpLoad(client, actionIdPrefix, actionsPerRequest);
    }

    /** Warm-up (discarded), then the measured phase, metered by {@code cpu}. */
    public LoadResult run(LoadSettings settings, Supplier<CpuMeter> cpu) {
        return runner.run(new LoadRunner.Settings(settings.clients(), settings.warmup(), settings.duration()),
                operations(settings.players()), Optional.of(cpu));
    }

    /** Load whose figures nobody reads: warms the server's JIT, caches and connection pools. */
    public void warmUp(int clients, int players, Duration length) {
        runner.warmUp(clients, length, LoadRunner.DEFAULT_MAX_CALLS_PER_CLIENT, operations(players));
    }

    private LoadRunner.Clients operations(int players) {
        return (phase, index) -> {
            String idPrefix = actionIdPrefix + "-" + phase + "-" + index + "-";
            if (actionsPerRequest == 0) {
                return n -> client.submit(randomPlayer(players), idPrefix + n);
            }
            return n -> {
                List<ActionClient.Action> items = new ArrayList<>(actionsPerRequest);
                for (int i = 0; i < actionsPerRequest; i++) {
                    items.add(new ActionClient.Action(randomPlayer(players), idPrefix + n + "." + i));
                }
                return client.submitBatch(items);
            };
        };
    }

    private static String randomPlayer(int players) {
        return LoadSettings.playerId(ThreadLocalRandom.current().nextInt(players));
    }
}
