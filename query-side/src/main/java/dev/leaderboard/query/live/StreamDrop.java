package dev.leaderboard.query.live;

/** Why this instance ended a live stream ({@code leaderboard.stream.dropped{reason}}). */
public enum StreamDrop {
    /** Its connection took no bytes for longer than {@code leaderboard.stream.slow-client-timeout}. */
    SLOW("slow"),
    /** A write failed: the client went away. */
    WRITE_FAILED("write-failed");

    private final String tag;

    StreamDrop(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
