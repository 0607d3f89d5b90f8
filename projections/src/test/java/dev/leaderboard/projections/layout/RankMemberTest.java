package dev.leaderboard.projections.layout;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RankMemberTest {

    private static final Instant NOON = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void anEarlierReachIsTheGreaterMemberSoAReverseRangeListsItFirst() {
        String earlier = RankMember.encode("zed", NOON);
        String later = RankMember.encode("amy", NOON.plusNanos(1_000));

        assertThat(earlier).isGreaterThan(later);
    }

    @Test
    void theSameReachTimeOrdersByUserIdBytes() {
        assertThat(RankMember.encode("b", NOON)).isGreaterThan(RankMember.encode("a", NOON));
    }

    @Test
    void membersKeepTheirOrderAcrossCenturies() {
        String epoch = RankMember.encode("p", Instant.EPOCH);
        String farFuture = RankMember.encode("p", Instant.parse("2285-12-31T23:59:59.999999Z"));

        assertThat(epoch).hasSameSizeAs(farFuture).isGreaterThan(farFuture);
    }

    @Test
    void userAndReachTimeAreReadBackAtMicrosecondPrecision() {
        Instant withNanos = Instant.parse("2026-11-22T12:00:00.123456789Z");
        String member = RankMember.encode("p-1.x_y", RankMember.truncate(withNanos));

        assertThat(RankMember.userIdOf(member)).isEqualTo("p-1.x_y");
        assertThat(RankMember.reachedAtOf(member)).isEqualTo(Instant.parse("2026-11-22T12:00:00.123456Z"));
    }
}
