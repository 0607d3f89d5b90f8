package dev.leaderboard.query.rankings;

import dev.leaderboard.boards.BoardDirectory;
import dev.leaderboard.boards.Segments;
import dev.leaderboard.windows.TimeWindow;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Turns the common read parameters (board, window, period, from, to, segment) into a {@link Slice}, or a clear
 * 400/404.
 */
public class SliceParser {

    private final BoardDirectory boards;
    private final Clock clock;
    private final int maxCustomDays;

    public SliceParser(BoardDirectory boards, Clock clock, int maxCustomDays) {
        this.boards = boards;
        this.clock = clock;
        this.maxCustomDays = maxCustomDays;
    }

    /**
     * @param segment a segment of the board, or null or empty for the whole board; a segment nobody is in is an
     *                empty board, like a board without players
     */
    public Slice parse(String boardId, String window, String period, String from, String to, String segment) {
        String leaderboardId = boardKey(boardId, segment);
        String windowId = window == null || window.isBlank() ? TimeWindow.ALL_TIME.id() : window;
        if (Slice.OfRange.WINDOW.equals(windowId)) {
            return range(leaderboardId, from, to);
        }
        TimeWindow timeWindow = TimeWindow.fromId(windowId).orElseThrow(() -> new InvalidQueryException(
                "unknown window '" + windowId + "'; use all-time, daily, weekly, monthly or custom"));
        if (from != null || to != null) {
            throw new InvalidQueryException("'from' and 'to' are only for window=custom");
        }
        return ofPeriod(leaderboardId, timeWindow, period);
    }

    /**
     * A period that can be closed: of a daily, weekly or monthly window (the current one when none is named), of the
     * board or of one of its segments.
     */
    public Slice.OfPeriod closablePeriod(String boardId, String window, String period, String segment) {
        String leaderboardId = boardKey(boardId, segment);
        TimeWindow timeWindow = TimeWindow.fromId(window == null ? "" : window)
                .filter(w -> w != TimeWindow.ALL_TIME)
                .orElseThrow(() -> new InvalidQueryException("window must be daily, weekly or monthly (periods of"
                        + " all-time and custom ranges are never closed), was '" + window + "'"));
        return ofPeriod(leaderboardId, timeWindow, period);
    }

    /** The storage key of the board, or of its segment; 404 for an unknown board, 400 for a malformed segment. */
    private String boardKey(String boardId, String segment) {
        if (!boards.exists(boardId)) {
            throw new NotFoundException("leaderboard '" + boardId + "' does not exist");
        }
        boolean wholeBoard = segment == null || segment.isEmpty();
        if (!wholeBoard && !Segments.isValid(segment)) {
            throw new InvalidQueryException("segment must be 1-32 of [A-Za-z0-9._-]");
        }
        return Segments.boardKey(boardId, wholeBoard ? null : segment);
    }

    private Slice.OfPeriod ofPeriod(String leaderboardId, TimeWindow timeWindow, String period) {
        try {
            return new Slice.OfPeriod(leaderboardId, timeWindow, period == null || period.isBlank()
                    ? timeWindow.periodOf(clock.instant()) : timeWindow.parsePeriod(period));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("bad period '" + period + "': " + e.getMessage());
        }
    }

    private Slice range(String leaderboardId, String from, String to) {
        if (from == null || to == null) {
            throw new InvalidQueryException("window=custom needs 'from' and 'to' (inclusive UTC dates, 2026-11-01)");
        }
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw new InvalidQueryException("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > maxCustomDays) {
            throw new InvalidQueryException("a custom range spans at most " + maxCustomDays + " days; this one spans "
                    + days);
        }
        return new Slice.OfRange(leaderboardId, start, end);
    }

    private static LocalDate date(String name, String value) {
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException("'" + name + "' must be a date like 2026-11-01, was '" + value + "'");
        }
        try {
            return TimeWindow.requireSupportedYear(date.getYear(), date);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("'" + name + "': " + e.getMessage());
        }
    }
}
