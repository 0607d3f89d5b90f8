package dev.leaderboard.command.actions;

import dev.leaderboard.command.leaderboards.LeaderboardCatalog;
import dev.leaderboard.command.scoring.SubmitAction;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * Body of {@code POST /api/v1/actions}. There is deliberately no points field: the server decides the points.
 * {@code segment} is only for service tokens (see {@link Submitter#segmentFor}).
 */
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
        Map<@Size(max = 64) String, Object> attributes,
        @Pattern(regexp = Ids.SEGMENT, message = "must be 1-32 of [A-Za-z0-9._-]")
        String segment) {

    /** The command of a valid, authorised body; an absent board is {@code global}. */
    public SubmitAction toCommand(String userId, String trustedSegment) {
        return new SubmitAction(userId, actionId, type, leaderboardId == null ? LeaderboardCatalog.GLOBAL
                : leaderboardId, attributes, trustedSegment);
    }
}
