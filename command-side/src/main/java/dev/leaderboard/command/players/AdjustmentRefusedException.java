package dev.leaderboard.command.players;

/** An adjustment that cannot be applied (it would change nothing, or go over the score limit). */
public class AdjustmentRefusedException extends RuntimeException {

    private final String reason;

    public AdjustmentRefusedException(String reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
