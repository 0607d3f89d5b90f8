package dev.leaderboard.query.rankings;

import dev.leaderboard.boards.Segments;
import dev.leaderboard.windows.Period;
import dev.leaderboard.windows.TimeWindow;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The part of a leaderboard a read asks for: one period of a window, or a custom inclusive range of days, of the
 * whole board or of one segment of it.
 */
public sealed interface Slice {

    /**
     * The board key the standings are stored and published under: the board id, or {@code <boardId>@<segment>} for
     * a segment ({@link Segments}). Responses show {@link #boardId()} and {@link #segment()} instead.
     */
    String leaderboardId();

    /** The board id, as responses show it. */
    default String boardId() {
        return Segments.boardOf(leaderboardId());
    }

    /** The segment read, or null for the whole board. */
    default String segment() {
        return Segments.segmentOf(leaderboardId());
    }

    /** The window's name in the API. */
    String window();

    /** {@code {key, start, end}} as the API shows it. */
    PeriodView view();

    record OfPeriod(String leaderboardId, TimeWindow timeWindow, Period period) implements Slice {
        @Override
        public String window() {
            return timeWindow.id();
        }

        @Override
        public PeriodView view() {
            return timeWindow == TimeWindow.ALL_TIME ? new PeriodView(period.key(), null, null)
                    : new PeriodView(period.key(), period.start().toString(), period.end().toString());
        }
    }

    record OfRange(String leaderboardId, LocalDate from, LocalDate to) implements Slice {
        public static final String WINDOW = "custom";

        @Override
        public String window() {
            return WINDOW;
        }

        @Override
        public PeriodView view() {
            return new PeriodView(from + ".." + to, from.atStartOfDay(ZoneOffset.UTC).toInstant().toString(),
                    to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        }
    }

    /** The period as shown in responses; start and end are null for all-time. */
    record PeriodView(String key, String start, String end) {
    }
}
