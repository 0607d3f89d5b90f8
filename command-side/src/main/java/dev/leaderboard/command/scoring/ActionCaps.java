package dev.leaderboard.command.scoring;

import dev.leaderboard.windows.TimeWindow;

import java.time.Instant;
import java.util.Optional;

/** Per-action-type caps: at most N accepted actions of a type per player, board and period of a window. */
final class ActionCaps {

    private ActionCaps() {
    }

    /** The first cap one more action at {@code at} would go over, if any. */
    static Optional<Rejection> exceeded(ActionTypes.ActionType type, ActionCounts counts, Instant at) {
        for (TimeWindow window : ActionTypes.CAPPABLE) {
            Optional<Integer> cap = type.capIn(window);
            if (cap.isPresent() && counts.countIn(window, at) >= cap.get()) {
                return Optional.of(Rejection.capReached(type.type(), window, cap.get()));
            }
        }
        return Optional.empty();
    }
}
