package dev.leaderboard.command.scoring;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What became of a submitted action; the body of the single-action answer and one item of a batch answer.
 * {@code points} is absent when the action was rejected before it could be scored; {@code problem} is present only
 * on a rejection.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionOutcome(String actionId, String userId, String leaderboardId, String type, Long points,
                            Status status, Rejection problem) {

    public enum Status {
        /** Stored in the event store before this answer. */
        ACCEPTED,
        /** The same action was accepted before; this submission changed nothing. */
        DUPLICATE,
        /** Durably on the Kafka ingress topic; it is scored when consumed (Kafka ingress mode). */
        QUEUED,
        /** Not accepted and nothing was written; {@code problem} says why. */
        REJECTED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static ActionOutcome accepted(SubmitAction action, long points) {
        return new ActionOutcome(action.actionId(), action.userId(), action.leaderboardId(), action.type(), points,
                Status.ACCEPTED, null);
    }

    public static ActionOutcome queued(SubmitAction action, long points) {
        return new ActionOutcome(action.actionId(), action.userId(), action.leaderboardId(), action.type(), points,
                Status.QUEUED, null);
    }

    public static ActionOutcome rejected(SubmitAction action, Rejection problem) {
        return rejected(action.actionId(), action.userId(), action.leaderboardId(), action.type(), problem);
    }

    public static ActionOutcome rejected(String actionId, String userId, String leaderboardId, String type,
                                         Rejection problem) {
        return new ActionOutcome(actionId, userId, leaderboardId, type, null, Status.REJECTED, problem);
    }

    /** Not part of the body (API.md): {@code status} says it. */
    @JsonIgnore
    public boolean isRejected() {
        return status == Status.REJECTED;
    }
}
