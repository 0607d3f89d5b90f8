package dev.leaderboard.bench.write;

import dev.leaderboard.bench.core.ServerApi;

import java.nio.charset.StandardCharsets;

/**
 * The kafka scenario's records: record {@code i} is an action of player {@code i % players} (interleaved, so a
 * consumer batch holds many players), keyed by the user id, as the ingress topic's contract has it.
 */
public record KafkaFillPlan(long actions, int players, String runId) {

    public int playerOf(long action) {
        return (int) (action % players);
    }

    public String userId(int player) {
        return "k" + runId + "-" + player;
    }

    public String actionId(long action) {
        return "ka-" + runId + "-" + action;
    }

    public byte[] key(long action) {
        return userId(playerOf(action)).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] value(long action) {
        return ServerApi.action(actionId(action), WriteCommands.ACTION_TYPE, userId(playerOf(action)))
                .getBytes(StandardCharsets.UTF_8);
    }
}
