package dev.leaderboard.command.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.leaderboard.windows.TimeWindow;

/**
 * Why an action was not accepted: the HTTP status the single-action endpoint answers with, a problem title and
 * detail, and the machine-readable {@code reason} that Kafka dead letters and outcomes carry.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rejection(int status, String title, String detail, String reason) {

    public static final String MALFORMED = "malformed";
    public static final String INVALID = "invalid";
    public static final String FORBIDDEN = "forbidden";
    public static final String UNKNOWN_ACTION_TYPE = "unknown-action-type";
    public static final String UNKNOWN_LEADERBOARD = "unknown-leaderboard";
    public static final String CONFLICT = "conflict";
    public static final String SCORE_LIMIT = "score-limit";
    public static final String CAP_REACHED = "cap-reached";
    public static final String SUSPENDED = "suspended";

    public static Rejection malformed(String detail) {
        return new Rejection(400, "Malformed action", detail, MALFORMED);
    }

    public static Rejection invalid(String detail) {
        return new Rejection(400, "Invalid action", detail, INVALID);
    }

    public static Rejection forbidden(String detail) {
        return new Rejection(403, "Forbidden", detail, FORBIDDEN);
    }

    public static Rejection unknownActionType(String type) {
        return new Rejection(422, "Unknown action type",
                "action type '" + type + "' is not configured; GET /api/v1/action-types lists the valid ones",
                UNKNOWN_ACTION_TYPE);
    }

    public static Rejection unknownLeaderboard(String leaderboardId) {
        return new Rejection(404, "Unknown leaderboard", "leaderboard '" + leaderboardId + "' does not exist",
                UNKNOWN_LEADERBOARD);
    }

    public static Rejection conflict(ProcessedAction earlier) {
        return new Rejection(409, "Action id already used", "action id '" + earlier.actionId()
                + "' was already used for type '" + earlier.actionType() + "' on leaderboard '"
                + earlier.leaderboardId() + "'", CONFLICT);
    }

    public static Rejection scoreLimit(String leaderboardId) {
        return new Rejection(422, "Score limit reached", "the player's total on leaderboard '" + leaderboardId
                + "' would exceed " + ScoreTotals.MAX_TOTAL, SCORE_LIMIT);
    }

    public static Rejection capReached(String type, TimeWindow window, int max) {
        String per = window == TimeWindow.ALL_TIME ? "in all" : "per " + window.id() + " period";
        return new Rejection(422, "Cap reached", "action type '" + type + "' counts at most " + max + " time"
                + (max == 1 ? "" : "s") + " " + per + " and board; this one scores nothing", CAP_REACHED);
    }

    public static Rejection suspended(String userId) {
        return new Rejection(403, "Player suspended", "player '" + userId
                + "' is suspended; their actions are not accepted until an operator reinstates them", SUSPENDED);
    }
}
