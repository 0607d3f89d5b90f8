package dev.leaderboard.command.batching;

import java.util.concurrent.ThreadLocalRandom;

/** A short random pause, growing per attempt, so writers contending for one player stop colliding. */
public final class ConflictBackoff {

    private ConflictBackoff() {
    }

    public static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 1L + Math.min(50, 2L << attempt)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a command", e);
        }
    }
}
