package dev.leaderboard.command.kafka;

import dev.leaderboard.command.scoring.Rejection;

/**
 * Why a record was dead-lettered: its rejection. The cause of the dead letter's exception headers; it has no stack
 * trace, as it reports a verdict rather than a failure.
 */
public class RejectedRecordException extends RuntimeException {

    private final transient Rejection rejection;

    public RejectedRecordException(Rejection rejection) {
        super(rejection.reason() + ": " + rejection.detail(), null, false, false);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
