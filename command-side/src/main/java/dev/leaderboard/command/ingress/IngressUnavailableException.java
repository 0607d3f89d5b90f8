package dev.leaderboard.command.ingress;

/** The queue that actions are handed to cannot take them now; nothing was queued, and the same action may be sent again. */
public class IngressUnavailableException extends RuntimeException {

    public IngressUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
