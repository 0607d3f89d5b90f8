package dev.leaderboard.bench.write;

import dev.leaderboard.bench.core.ServerApi;

import java.nio.charset.StandardCharsets;

/**
 * The records the kafka scenario puts on {@code leaderboard.actions}, as pure arithmetic, so the fill and the tests
 * agree. Record {@code i} (0-based) is an action of player {@code i % players}: players are interleaved, so every
 * consumer batch holds many players and a player's actions stay in order on its partition. Key = the user id,
 * value = {@code {"actionId","userId","type"}}, both UTF-8: the ingress topic's contract.
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
