package dev.leaderboard.command.batching;

import dev.leaderboard.command.scoring.ActionOutcome;

/**
 * The result of one submission: its outcome (accepted, duplicate or rejected), or the failure that kept it from
 * being decided at all (nothing was written for it then, and the same action may be sent again).
 */
public record SubmissionResult(ActionOutcome outcome, RuntimeException failure) {

    public static SubmissionResult of(ActionOutcome outcome) {
        return new SubmissionResult(outcome, null);
    }

    public static SubmissionResult failed(RuntimeException failure) {
        return new SubmissionResult(null, failure);
    }

    /** @return the outcome, or throws the failure */
    public ActionOutcome outcomeOrThrow() {
        if (failure != null) {
            throw failure;
        }
        return outcome;
    }
}
