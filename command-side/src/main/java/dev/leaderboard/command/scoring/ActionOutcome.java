package dev.leaderboard.command.scoring;

/** What became of a submitted action; also the body of the HTTP answer. */
public record ActionOutcome(String actionId, String userId, String leaderboardId, String type, long points,
                            Status status) {

    public enum Status {
        /** Stored in the event store before this answer. */
        ACCEPTED,
        /** The same action was accepted before; this submission changed nothing. */
        DUPLICATE;

        @com.fasterxml.jackson.annotation.JsonValue
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
