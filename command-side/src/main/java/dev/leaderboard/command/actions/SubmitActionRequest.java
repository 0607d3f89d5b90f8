package dev.leaderboard.command.actions;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;

/** Body of {@code POST /api/v1/actions}. There is deliberately no points field: the server decides the points. */
public record SubmitActionRequest(
        @NotBlank @Size(max = 128) @Pattern(regexp = Ids.ACTION_ID, message = "must be 1-128 of [A-Za-z0-9._:-]")
        String actionId,
        @NotBlank @Size(max = 64)
        String type,
        @Pattern(regexp = Ids.NAME, message = "must be 1-64 of [A-Za-z0-9._-]")
        String leaderboardId,
        @Pattern(regexp = Ids.NAME, message = "must be 1-64 of [A-Za-z0-9._-]")
        String userId,
        @Size(max = 32, message = "at most 32 attributes")
        Map<@Size(max = 64) String, Object> attributes) {
}
