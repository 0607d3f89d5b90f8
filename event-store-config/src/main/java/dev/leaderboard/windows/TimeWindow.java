package dev.leaderboard.windows;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rolling windows every leaderboard keeps. All periods are UTC; the server clock decides which period an event
 * falls in, never the client's timestamp.
 */
public enum TimeWindow {

    ALL_TIME("all-time") {
        @Override
        public Period periodOf(Instant instant) {
            return ALL_TIME_PERIOD;
        }

        @Override
        public Period parsePeriod(String key) {
            if (!ALL_TIME_KEY.equals(key)) {
                throw new IllegalArgumentException("the all-time window has the single period 'all-time'");
            }
            return ALL_TIME_PERIOD;
        }
    },

    /** UTC calendar day, key {@code 2026-11-22}. */
    DAILY("daily") {
        @Override
        public Period periodOf(Instant instant) {
            return day(LocalDate.ofInstant(instant, ZoneOffset.UTC));
        }

        @Override
        public Period parsePeriod(String key) {
            LocalDate date;
            try {
                date = LocalDate.parse(key);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("a daily period looks like 2026-11-22");
            }
            return day(requireSupportedYear(date.getYear(), date));
        }

        private Period day(LocalDate date) {
            return new Period(date.toString(), startOf(date), startOf(date.plusDays(1)));
        }
    },

    /** ISO-8601 week starting Monday 00:00 UTC, key {@code 2026-W47} (the ISO week-based year, not the calendar year). */
    WEEKLY("weekly") {
        @Override
        public Period periodOf(Instant instant) {
            LocalDate monday = LocalDate.ofInstant(instant, ZoneOffset.UTC)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return week(monday);
        }

        @Override
        public Period parsePeriod(String key) {
            Matcher m = WEEK_KEY.matcher(key);
            if (!m.matches()) {
                throw new IllegalArgumentException("a weekly period looks like 2026-W47");
            }
            int weekBasedYear = Integer.parseInt(m.group(1));
            requireSupportedYear(weekBasedYear, key);
            int week = Integer.parseInt(m.group(2));
            LocalDate reference = LocalDate.of(weekBasedYear, 1, 4); // 4 January is always in ISO week 1
            if (week < 1 || week > reference.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                throw new IllegalArgumentException("week " + week + " does not exist in " + weekBasedYear);
            }
            LocalDate monday = reference.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return week(monday);
        }

        private Period week(LocalDate monday) {
            // Locale.ROOT: stored forever in events, so ASCII digits whatever the server's locale.
            String key = String.format(Locale.ROOT, "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                    monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            return new Period(key, startOf(monday), startOf(monday.plusWeeks(1)));
        }
    },

    /** UTC calendar month, key {@code 2026-11}. */
    MONTHLY("monthly") {
        @Override
        public Period periodOf(Instant instant) {
            return month(YearMonth.from(LocalDate.ofInstant(instant, ZoneOffset.UTC)));
        }

        @Override
        public Period parsePeriod(String key) {
            YearMonth month;
            try {
                month = YearMonth.parse(key);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("a monthly period looks like 2026-11");
            }
            return month(requireSupportedYear(month.getYear(), month));
        }

        private Period month(YearMonth month) {
            return new Period(month.toString(), startOf(month.atDay(1)), startOf(month.plusMonths(1).atDay(1)));
        }
    };

    public static final String ALL_TIME_KEY = "all-time";
    /**
     * Years a period key may name. Keys are stored and compared as text (custom ranges select daily keys with
     * BETWEEN), which orders correctly only for four-digit years; and java.time cannot step past year 999,999,999.
     */
    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;
    private static final Period ALL_TIME_PERIOD = new Period(ALL_TIME_KEY, Instant.EPOCH, Instant.MAX);
    private static final Pattern WEEK_KEY = Pattern.compile("(\\d{4})-W(\\d{2})");

    private final String id;

    TimeWindow(String id) {
        this.id = id;
    }

    /** The window's name in the API ({@code all-time}, {@code daily}, {@code weekly}, {@code monthly}). */
    public String id() {
        return id;
    }

    /** The period of this window that contains the instant. */
    public abstract Period periodOf(Instant instant);

    /** The period named by its key; throws {@link IllegalArgumentException} with a client-readable reason. */
    public abstract Period parsePeriod(String key);

    public static Optional<TimeWindow> fromId(String id) {
        return Arrays.stream(values()).filter(w -> w.id.equals(id)).findFirst();
    }

    /** Returns {@code parsed} when the year is one of {@link #MIN_YEAR}..{@link #MAX_YEAR}; else a client-readable IAE. */
    public static <T> T requireSupportedYear(int year, T parsed) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException("years " + MIN_YEAR + " to " + MAX_YEAR + " only, was " + year);
        }
        return parsed;
    }

    private static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
