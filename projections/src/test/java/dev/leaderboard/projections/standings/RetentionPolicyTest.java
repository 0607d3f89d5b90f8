package dev.leaderboard.projections.standings;

import dev.leaderboard.projections.ProjectionProperties;
import dev.leaderboard.windows.TimeWindow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionPolicyTest {

    private final RetentionPolicy policy = new RetentionPolicy(
            new ProjectionProperties.Retention(Period.ofDays(35), Period.ofWeeks(15), Period.ofMonths(13)));

    @Test
    void allTimeNeverExpires() {
        assertThat(policy.expiresAtEpochSecond(TimeWindow.ALL_TIME, TimeWindow.ALL_TIME_KEY)).isZero();
        assertThat(policy.isExpired(TimeWindow.ALL_TIME, TimeWindow.ALL_TIME_KEY, Instant.MAX)).isFalse();
        assertThat(policy.oldestPeriodKeptAt(TimeWindow.ALL_TIME, Instant.EPOCH)).isEmpty();
    }

    @Test
    void aPeriodExpiresAtMidnightOfItsEndPlusTheRetention() {
        // 22 November ends at 23 November 00:00; plus 35 days is 28 December 00:00
        assertThat(policy.expiresAtEpochSecond(TimeWindow.DAILY, "2026-11-22"))
                .isEqualTo(Instant.parse("2026-12-28T00:00:00Z").getEpochSecond());
        // November ends on 1 December; plus 13 months is 1 January 2028
        assertThat(policy.expiresAtEpochSecond(TimeWindow.MONTHLY, "2026-11"))
                .isEqualTo(Instant.parse("2028-01-01T00:00:00Z").getEpochSecond());
    }

    @Test
    void aPeriodIsExpiredFromItsExpirySecondOn() {
        Instant expiry = Instant.parse("2026-12-28T00:00:00Z");

        assertThat(policy.isExpired(TimeWindow.DAILY, "2026-11-22", expiry.minusSeconds(1))).isFalse();
        assertThat(policy.isExpired(TimeWindow.DAILY, "2026-11-22", expiry)).isTrue();
    }

    @Test
    void theOldestKeptPeriodLeavesAWeekOfMarginForAClockBehindOurs() {
        // 35 days and a week before 28 December 2026 is 16 November
        assertThat(policy.oldestPeriodKeptAt(TimeWindow.DAILY, Instant.parse("2026-12-28T10:00:00Z")))
                .isEqualTo("2026-11-16");
        assertThat(policy.oldestPeriodKeptAt(TimeWindow.WEEKLY, Instant.parse("2026-12-28T10:00:00Z")))
                .isEqualTo("2026-W37");
    }
}
