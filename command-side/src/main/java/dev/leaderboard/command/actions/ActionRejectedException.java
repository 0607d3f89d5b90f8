package dev.leaderboard.command.actions;

import dev.leaderboard.command.scoring.Rejection;

/** A single action was rejected; answered with the rejection's status as a problem. */
public class ActionRejectedException extends RuntimeException {

    private final transient Rejection rejection;

    public ActionRejectedException(Rejection rejection) {
        super(rejection.detail(), null, false, false);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
