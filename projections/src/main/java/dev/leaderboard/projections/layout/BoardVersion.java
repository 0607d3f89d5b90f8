package dev.leaderboard.projections.layout;

/**
 * Identifies one state of one board in Redis: the live generation, the epoch (changed whenever Redis content may have
 * changed wholesale: a restore, a heal, a replay's switch) and the board's own counter, raised by every script that
 * changes the board. Equal versions mean equal content; {@link #etag()} is the HTTP entity tag of that state.
 */
public record BoardVersion(long generation, long epoch, long counter) implements Comparable<BoardVersion> {

    public String etag() {
        return "\"" + Long.toString(generation, 36) + "." + Long.toString(epoch, 36) + "."
                + Long.toString(counter, 36) + "\"";
    }

    @Override
    public int compareTo(BoardVersion other) {
        int byGeneration = Long.compare(generation, other.generation);
        if (byGeneration != 0) {
            return byGeneration;
        }
        int byEpoch = Long.compare(epoch, other.epoch);
        return byEpoch != 0 ? byEpoch : Long.compare(counter, other.counter);
    }
}
