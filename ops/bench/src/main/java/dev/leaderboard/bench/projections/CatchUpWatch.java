package dev.leaderboard.bench.projections;

import io.lettuce.core.api.StatefulRedisConnection;
import org.axonframework.eventhandling.Segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tells when the catch-up is really complete: the processor applies each segment's events in order, so once the
 * last filled event of every segment (Axon's own {@link Segment} split of the player ids, as the sequencing policy
 * uses them) is in the all-time {@code members} hash at its version, every filled event is applied. This is cheaper
 * and sharper than the admin lag alone: a pooled streaming processor stores the token of a segment that received no
 * event of its own only every few seconds, so the lag can stay at 1 for seconds after the last write.
 */
final class CatchUpWatch {

    private record Sentinel(String userId, long version) {
    }

    private final BenchRedis redis;
    private final String membersKey;
    private final List<Sentinel> sentinels = new ArrayList<>();
    private long completeAt;

    CatchUpWatch(FillPlan plan, BenchRedis redis, String membersKey, int segmentCount) {
        this.redis = redis;
        this.membersKey = membersKey;
        int count = Integer.highestOneBit(Math.max(1, segmentCount));
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = i;
        }
        for (Segment segment : Segment.computeSegments(ids)) {
            for (long i = plan.events() - 1; i >= 0 && i >= plan.events() - 1_000_000L; i--) {
                String user = plan.userId(plan.userOf(i));
                if (segment.matches(user)) {
                    sentinels.add(new Sentinel(user, plan.sequenceOf(i)));
                    break;
                }
            }
        }
    }

    /** Checks the sentinels once, unless already complete. */
    void check() {
        if (completeAt != 0 || sentinels.isEmpty()) {
            return;
        }
        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            for (Sentinel sentinel : sentinels) {
                String value = connection.sync().hget(membersKey, sentinel.userId());
                if (value == null || Long.parseLong(value.substring(0, value.indexOf('|'))) < sentinel.version()) {
                    return;
                }
            }
        }
        completeAt = System.nanoTime();
    }

    /** When {@link #check()} first found every sentinel applied. */
    Optional<Long> completeAt() {
        return completeAt == 0 ? Optional.empty() : Optional.of(completeAt);
    }
}
