package dev.leaderboard.query;

/** Bean names of the read pool (not default candidates: injected only where asked for by name). */
public final class ReadPool {

    /** The read pool's {@code DataSource}. */
    public static final String DATA_SOURCE = "readDataSource";
    /** A {@code BoardDirectory} reading through the read pool. */
    public static final String BOARDS = "readBoardDirectory";

    private ReadPool() {
    }
}
