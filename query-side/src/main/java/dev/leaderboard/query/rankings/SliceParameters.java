package dev.leaderboard.query.rankings;

/**
 * The query parameters that name a slice of a board (a window and its period, or a custom range, of a board or one
 * of its segments), shared by the read endpoints; {@link SliceParser} checks them.
 */
public record SliceParameters(String window, String period, String from, String to, String segment) {

    public Slice parse(SliceParser slices, String boardId) {
        return slices.parse(boardId, window, period, from, to, segment);
    }
}
