package dev.leaderboard.boards;

import java.util.regex.Pattern;

/**
 * Segments of a board: the players of one trusted attribute value (a region, a country). A segment is stored as a
 * board of its own under the derived key {@code <boardId>@<segment>}, so every read model, replay, restore and live
 * notification treats it as one more board. {@code @} cannot occur in a board id ({@code [A-Za-z0-9._-]{1,64}}),
 * so the key is unambiguous and never collides with a real board.
 */
public final class Segments {

    /** A segment value: 1-32 of {@code [A-Za-z0-9._-]}. */
    public static final String PATTERN = "[A-Za-z0-9._-]{1,32}";
    /** The longest board key: a 64-character board id, the separator and a 32-character segment. */
    public static final int MAX_BOARD_KEY_LENGTH = 64 + 1 + 32;
    private static final char SEPARATOR = '@';
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private Segments() {
    }

    public static boolean isValid(String segment) {
        return segment != null && VALID.matcher(segment).matches();
    }

    /** The key a board's standings are stored under: the board id itself, or its segment's derived key. */
    public static String boardKey(String boardId, String segment) {
        return segment == null ? boardId : boardId + SEPARATOR + segment;
    }

    /** The board id of a board key. */
    /** What every segment board key of the board starts with: {@code <board>@}. */
    public static String segmentKeyPrefix(String boardId) {
        return boardId + SEPARATOR;
    }

    public static String boardOf(String boardKey) {
        int at = boardKey.indexOf(SEPARATOR);
        return at < 0 ? boardKey : boardKey.substring(0, at);
    }

    /** The segment of a board key, or null for a whole board. */
    public static String segmentOf(String boardKey) {
        int at = boardKey.indexOf(SEPARATOR);
        return at < 0 ? null : boardKey.substring(at + 1);
    }
}
