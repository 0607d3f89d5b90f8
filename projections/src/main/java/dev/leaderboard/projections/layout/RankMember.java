package dev.leaderboard.projections.layout;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A sorted-set member that makes Redis order equal scores by who reached them first. The score is the exact total;
 * the member is {@code <inverted reach time in microseconds, 16 digits>:<userId>}. Redis orders equal scores by
 * member bytes, and a reverse range returns the largest member first: the earliest reach time has the largest
 * inverted value. Exact for totals up to 2^53 and for any time until the year 2286; no floating-point composite.
 */
public final class RankMember {

    private static final long INVERSION_BASE = 9_999_999_999_999_999L;
    private static final int TIME_WIDTH = 16;

    private RankMember() {
    }

    public static String encode(String userId, Instant reachedAt) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, reachedAt);
        return String.format("%0" + TIME_WIDTH + "d:%s", INVERSION_BASE - micros, userId);
    }

    public static String userIdOf(String member) {
        return member.substring(TIME_WIDTH + 1);
    }

    public static Instant reachedAtOf(String member) {
        long micros = INVERSION_BASE - Long.parseLong(member.substring(0, TIME_WIDTH));
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** The precision both stores keep (PostgreSQL timestamptz holds microseconds). */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
