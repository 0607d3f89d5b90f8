package dev.leaderboard.command.players;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** Whether a player is suspended, and by whom, why and since when (the answer of the suspension endpoints). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Suspension(String userId, boolean suspended, String reason, String operator, String flagId,
                         Instant since) {

    public static Suspension none(String userId) {
        return new Suspension(userId, false, null, null, null, null);
    }
}
