package dev.leaderboard.server.projections;

import dev.leaderboard.events.PeriodTotal;
import dev.leaderboard.events.ScoreIncreased;
import dev.leaderboard.events.WindowTotals;
import dev.leaderboard.projections.layout.RankMember;
import dev.leaderboard.projections.layout.RedisKeys;
import dev.leaderboard.projections.standings.RedisStandings;
import dev.leaderboard.projections.standings.Standing;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.Standings;
import dev.leaderboard.server.support.Standings.Entry;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.windows.TimeWindow;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch is written to Redis with one script call per generation, grouped by board: each (board, window, period,
 * player) is written once per call with the player's newest total, and ties still rank by who reached the score
 * first.
 */
class BatchCoalescingTest {

    private static final String BOARD = "global";
    private static ServerInstance server;

    @BeforeAll
    static void start() {
        server = ServerInstance.start(TestPostgres.newDatabaseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void twoEventsOfOnePlayerInOneAppendLeaveTheLaterTotalAndTiesRankByReachTime() {
        EventStore events = server.bean(EventStore.class);
        // Appended together, so the processor reads them in one batch: "twice" reaches 10, then 20 (at :03);
        // "rival" reached 20 earlier (at :02) and must rank first; "slow" reached 10 at :04, after "twice" had.
        events.publish(List.of(
                event("twice", 0, 10, "2026-11-20T10:00:01Z"),
                event("rival", 0, 20, "2026-11-20T10:00:02Z"),
                event("twice", 1, 20, "2026-11-20T10:00:03Z"),
                event("slow", 0, 10, "2026-11-20T10:00:04Z")));
        ProjectionProgress.awaitCaughtUp(server);

        Standings standings = Standings.of(server);
        Entry[] expected = {new Entry("rival", 20), new Entry("twice", 20), new Entry("slow", 10)};
        for (String board : List.of("global|all-time|all-time", "global|daily|2026-11-20", "global|weekly|2026-W47",
                "global|monthly|2026-11")) {
            assertThat(standings.redisBoard(board)).as(board).containsExactly(expected);
            assertThat(standings.postgresBoards().get(board)).as(board).containsExactly(expected);
        }
        RedisKeys keys = server.bean(RedisKeys.class);
        String members = keys.members(1, BOARD, TimeWindow.ALL_TIME, TimeWindow.ALL_TIME_KEY);
        assertThat(server.bean(StringRedisTemplate.class).opsForHash().get(members, "twice"))
                .isEqualTo("1|" + RankMember.encode("twice", Instant.parse("2026-11-20T10:00:03Z")));
    }

    @Test
    void oneCallHoldingTwoVersionsOfOnePlayerKeepsOnlyTheNewestInEitherOrder() {
        RedisStandings redis = server.bean(RedisStandings.class);
        Standing older = standing("dup-a", 10, "2026-11-21T08:00:00Z", 0);
        Standing newer = standing("dup-a", 25, "2026-11-21T09:00:00Z", 1);
        Standing otherOlder = standing("dup-b", 10, "2026-11-21T08:00:00Z", 0);
        Standing otherNewer = standing("dup-b", 25, "2026-11-21T08:30:00Z", 1);
        // An unrelated generation that a replay could be building: no event of the test store touches it.
        int generation = 41;
        redis.apply(generation, new ArrayList<>(List.of(older, newer, otherNewer, otherOlder)));

        StringRedisTemplate template = server.bean(StringRedisTemplate.class);
        RedisKeys keys = server.bean(RedisKeys.class);
        String ranking = keys.ranking(generation, BOARD, TimeWindow.DAILY, "2026-11-21");
        String members = keys.members(generation, BOARD, TimeWindow.DAILY, "2026-11-21");
        // One member per player (a second one would be a phantom entry), at the newest total; dup-b reached 25 first.
        assertThat(template.opsForZSet().reverseRange(ranking, 0, -1)).containsExactly(
                RankMember.encode("dup-b", Instant.parse("2026-11-21T08:30:00Z")),
                RankMember.encode("dup-a", Instant.parse("2026-11-21T09:00:00Z")));
        assertThat(template.opsForZSet().score(ranking, RankMember.encode("dup-a",
                Instant.parse("2026-11-21T09:00:00Z")))).isEqualTo(25.0);
        assertThat(template.opsForHash().entries(members)).isEqualTo(Map.of(
                "dup-a", "1|" + RankMember.encode("dup-a", Instant.parse("2026-11-21T09:00:00Z")),
                "dup-b", "1|" + RankMember.encode("dup-b", Instant.parse("2026-11-21T08:30:00Z"))));

        // Redelivering the older version alone changes nothing (version guard), whatever its score.
        redis.apply(generation, List.of(older, otherOlder));
        assertThat(template.opsForZSet().size(ranking)).isEqualTo(2);
        assertThat(template.opsForHash().get(members, "dup-a"))
                .isEqualTo("1|" + RankMember.encode("dup-a", Instant.parse("2026-11-21T09:00:00Z")));
        redis.deleteGeneration(generation);
    }

    private static Standing standing(String user, long score, String reachedAt, long version) {
        return new Standing(BOARD, TimeWindow.DAILY, "2026-11-21", user, score, Instant.parse(reachedAt), version);
    }

    private static GenericDomainEventMessage<ScoreIncreased> event(String user, long sequence, long total,
                                                                   String at) {
        WindowTotals totals = new WindowTotals(total, new PeriodTotal("2026-11-20", total),
                new PeriodTotal("2026-W47", total), new PeriodTotal("2026-11", total));
        return new GenericDomainEventMessage<>("User", user, sequence, new ScoreIncreased(user, BOARD,
                "a-" + user + "-" + sequence, "quiz-completed", 10, totals, Instant.parse(at), Map.of()));
    }
}
