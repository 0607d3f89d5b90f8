package dev.leaderboard.windows;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TimeWindowTest {

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static Period period(String key, String startDate, String endDate) {
        return new Period(key, LocalDate.parse(startDate).atStartOfDay(ZoneOffset.UTC).toInstant(),
                LocalDate.parse(endDate).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Nested
    class AllTime {

        @Test
        void everyInstantFallsInTheSinglePeriod() {
            Period expected = new Period("all-time", Instant.EPOCH, Instant.MAX);
            assertThat(TimeWindow.ALL_TIME.periodOf(at("1970-01-01T00:00:00Z"))).isEqualTo(expected);
            assertThat(TimeWindow.ALL_TIME.periodOf(at("2026-11-22T10:15:30Z"))).isEqualTo(expected);
            assertThat(TimeWindow.ALL_TIME.parsePeriod("all-time")).isEqualTo(expected);
        }

        @Test
        void anyOtherKeyIsRejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> TimeWindow.ALL_TIME.parsePeriod("2026"));
        }
    }

    @Nested
    class Daily {

        @Test
        void dayIsTheUtcCalendarDay() {
            assertThat(TimeWindow.DAILY.periodOf(at("2026-11-22T23:59:59.999Z")))
                    .isEqualTo(period("2026-11-22", "2026-11-22", "2026-11-23"));
        }

        @Test
        void midnightUtcStartsTheNextDay() {
            assertThat(TimeWindow.DAILY.periodOf(at("2026-11-23T00:00:00Z")))
                    .isEqualTo(period("2026-11-23", "2026-11-23", "2026-11-24"));
        }

        @Test
        void leapDayIsItsOwnDay() {
            assertThat(TimeWindow.DAILY.periodOf(at("2028-02-29T12:00:00Z")))
                    .isEqualTo(period("2028-02-29", "2028-02-29", "2028-03-01"));
            assertThat(TimeWindow.DAILY.parsePeriod("2028-02-29"))
                    .isEqualTo(period("2028-02-29", "2028-02-29", "2028-03-01"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-02-30", "2026-02-29", "2026-13-01", "2026-1-5", "20261122", "foo", ""})
        void malformedOrNonexistentDayIsRejected(String key) {
            assertThatIllegalArgumentException().isThrownBy(() -> TimeWindow.DAILY.parsePeriod(key));
        }
    }

    @Nested
    class Weekly {

        @Test
        void sundayEveningStillBelongsToTheWeekThatStartedOnMonday() {
            assertThat(TimeWindow.WEEKLY.periodOf(at("2026-11-22T23:59:59.999Z")))
                    .isEqualTo(period("2026-W47", "2026-11-16", "2026-11-23"));
        }

        @Test
        void mondayMidnightUtcStartsTheNextWeek() {
            assertThat(TimeWindow.WEEKLY.periodOf(at("2026-11-23T00:00:00Z")))
                    .isEqualTo(period("2026-W48", "2026-11-23", "2026-11-30"));
        }

        @Test
        void lastDayOf2026IsInIsoWeek53SpanningTheYearBoundary() {
            Period week53 = period("2026-W53", "2026-12-28", "2027-01-04");
            assertThat(TimeWindow.WEEKLY.periodOf(at("2026-12-31T12:00:00Z"))).isEqualTo(week53);
            assertThat(TimeWindow.WEEKLY.periodOf(at("2027-01-03T23:59:59Z"))).isEqualTo(week53);
            assertThat(TimeWindow.WEEKLY.parsePeriod("2026-W53")).isEqualTo(week53);
        }

        @Test
        void firstMondayOf2027StartsIsoWeek1Of2027() {
            assertThat(TimeWindow.WEEKLY.periodOf(at("2027-01-04T00:00:00Z")))
                    .isEqualTo(period("2027-W01", "2027-01-04", "2027-01-11"));
        }

        @Test
        void lateDecemberCanBelongToWeek1OfTheNextWeekBasedYear() {
            Period week1 = period("2025-W01", "2024-12-30", "2025-01-06");
            assertThat(TimeWindow.WEEKLY.periodOf(at("2024-12-31T08:00:00Z"))).isEqualTo(week1);
            assertThat(TimeWindow.WEEKLY.parsePeriod("2025-W01")).isEqualTo(week1);
        }

        @Test
        void leapDayWeekRunsIntoMarch() {
            assertThat(TimeWindow.WEEKLY.periodOf(at("2028-02-29T12:00:00Z")))
                    .isEqualTo(period("2028-W09", "2028-02-28", "2028-03-06"));
        }

        @Test
        void week53IsAcceptedOnlyInYearsThatHaveIt() {
            assertThat(TimeWindow.WEEKLY.parsePeriod("2020-W53"))
                    .isEqualTo(period("2020-W53", "2020-12-28", "2021-01-04"));
            assertThatIllegalArgumentException().isThrownBy(() -> TimeWindow.WEEKLY.parsePeriod("2027-W53"))
                    .withMessageContaining("2027");
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-W54", "2026-W00", "2026-W1", "2026-47", "2026W47", "2026-w47", "foo", ""})
        void malformedOrNonexistentWeekIsRejected(String key) {
            assertThatIllegalArgumentException().isThrownBy(() -> TimeWindow.WEEKLY.parsePeriod(key));
        }
    }

    @Nested
    class Monthly {

        @Test
        void lastInstantOfJanuaryIsInJanuary() {
            assertThat(TimeWindow.MONTHLY.periodOf(at("2026-01-31T23:59:59.999Z")))
                    .isEqualTo(period("2026-01", "2026-01-01", "2026-02-01"));
        }

        @Test
        void firstOfTheMonthAtMidnightUtcStartsTheNextMonth() {
            assertThat(TimeWindow.MONTHLY.periodOf(at("2026-02-01T00:00:00Z")))
                    .isEqualTo(period("2026-02", "2026-02-01", "2026-03-01"));
        }

        @Test
        void februaryOfALeapYearEndsAfterThe29th() {
            assertThat(TimeWindow.MONTHLY.periodOf(at("2028-02-29T23:00:00Z")))
                    .isEqualTo(period("2028-02", "2028-02-01", "2028-03-01"));
        }

        @Test
        void decemberEndsAtTheNextYear() {
            assertThat(TimeWindow.MONTHLY.parsePeriod("2026-12"))
                    .isEqualTo(period("2026-12", "2026-12-01", "2027-01-01"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-13", "2026-00", "2026-1", "2026-11-01", "foo", ""})
        void malformedOrNonexistentMonthIsRejected(String key) {
            assertThatIllegalArgumentException().isThrownBy(() -> TimeWindow.MONTHLY.parsePeriod(key));
        }
    }

    @ParameterizedTest
    @EnumSource(TimeWindow.class)
    void periodsAreContiguousContainTheirInstantAndRoundTripThroughTheirKey(TimeWindow window) {
        Instant instant = at("2019-12-25T18:30:00Z");
        Instant last = at("2029-01-10T00:00:00Z");
        Period previous = null;
        while (instant.isBefore(last)) {
            Period period = window.periodOf(instant);
            assertThat(period.contains(instant)).as("%s contains %s", period, instant).isTrue();
            assertThat(window.parsePeriod(period.key())).isEqualTo(period);
            if (previous != null && !previous.equals(period)) {
                assertThat(period.start()).as("%s follows %s", period, previous).isEqualTo(previous.end());
            }
            previous = period;
            instant = instant.plusSeconds(13 * 3600);
        }
    }

    @Test
    void idsAreTheApiNames() {
        assertThat(TimeWindow.ALL_TIME.id()).isEqualTo("all-time");
        assertThat(TimeWindow.DAILY.id()).isEqualTo("daily");
        assertThat(TimeWindow.WEEKLY.id()).isEqualTo("weekly");
        assertThat(TimeWindow.MONTHLY.id()).isEqualTo("monthly");
    }

    @ParameterizedTest
    @EnumSource(TimeWindow.class)
    void fromIdFindsEachWindowByItsId(TimeWindow window) {
        assertThat(TimeWindow.fromId(window.id())).contains(window);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ALL_TIME", "Daily", "week", "custom", ""})
    void fromIdIsEmptyForAnythingElse(String id) {
        assertThat(TimeWindow.fromId(id)).isEmpty();
    }

    /** Before this rule, +999999999-12-31 parsed and then overflowed computing the period's end (a 500 upstream). */
    @ParameterizedTest
    @ValueSource(strings = {"daily:+999999999-12-31", "daily:-999999999-01-01", "daily:+10000-01-01",
            "daily:0000-12-31", "monthly:+999999999-12", "monthly:+10000-01", "monthly:0000-01", "weekly:0000-W01"})
    void keysOutsideTheFourDigitYearsAreRejectedAsBadInput(String windowAndKey) {
        TimeWindow window = TimeWindow.fromId(windowAndKey.substring(0, windowAndKey.indexOf(':'))).orElseThrow();
        String key = windowAndKey.substring(windowAndKey.indexOf(':') + 1);

        assertThatIllegalArgumentException().isThrownBy(() -> window.parsePeriod(key)).withMessageContaining("years");
    }

    @Test
    void theLastSupportedPeriodsHaveAnEnd() {
        assertThat(TimeWindow.DAILY.parsePeriod("9999-12-31").end()).isEqualTo(at("+10000-01-01T00:00:00Z"));
        assertThat(TimeWindow.MONTHLY.parsePeriod("9999-12").end()).isEqualTo(at("+10000-01-01T00:00:00Z"));
        assertThat(TimeWindow.WEEKLY.parsePeriod("9999-W52").key()).isEqualTo("9999-W52");
        assertThat(TimeWindow.DAILY.parsePeriod("0001-01-01").key()).isEqualTo("0001-01-01");
    }
}
