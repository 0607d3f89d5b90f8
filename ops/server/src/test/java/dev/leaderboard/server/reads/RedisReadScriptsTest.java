package dev.leaderboard.server.reads;

import dev.leaderboard.boards.RankStyle;
import dev.leaderboard.projections.admin.ProjectionStatusReader;
import dev.leaderboard.projections.layout.BoardVersion;
import dev.leaderboard.projections.layout.RedisKeys;
import dev.leaderboard.query.rankings.RankedEntry;
import dev.leaderboard.query.rankings.RedisRankings;
import dev.leaderboard.query.rankings.Slice;
import dev.leaderboard.query.rankings.SliceParser;
import dev.leaderboard.server.support.ServerTest;
import dev.leaderboard.windows.TimeWindow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read scripts against the projection's real keys: each finds the board through the key templates RedisKeys
 * gives it. A script that built a key of its own, or substituted the generation wrongly, would find no board and
 * answer "Redis cannot answer" (empty), which the HTTP reads hide by asking PostgreSQL instead: hence these direct
 * calls.
 */
class RedisReadScriptsTest extends ServerTest {

    @Autowired
    private ProjectionStatusReader status;
    @Autowired
    private SliceParser slices;
    @Autowired
    private StringRedisTemplate redis;
    @Autowired
    private RedisKeys keys;

    @Test
    void everyReadScriptFindsTheBoardTheProjectionWrote() {
        String board = BoardSeeds.define(api, null);
        List<String> users = BoardSeeds.fill(api, board, List.of("achievement-unlocked", "level-up", "daily-login"));
        ReadFixture.awaitProjected(status);
        Slice.OfPeriod slice = (Slice.OfPeriod) slices.parse(board, null, null, null, null, null);
        RedisRankings rankings = new RedisRankings(redis, keys);

        var page = rankings.page(slice, 0, 10, RankStyle.COMPETITION).orElseThrow();
        var position = rankings.position(slice, users.get(1), 1, RankStyle.ORDINAL).orElseThrow();
        var subset = rankings.subset(slice, List.of(users.get(2), "nobody")).orElseThrow();
        var scores = rankings.scoresAt(slice, List.of(1L, 3L)).orElseThrow();

        assertThat(page.value().entries()).containsExactly(new RankedEntry(1, users.get(0), 100),
                new RankedEntry(2, users.get(1), 25), new RankedEntry(3, users.get(2), 5));
        assertThat(position.value().orElseThrow().rank()).isEqualTo(2);
        assertThat(subset.found()).containsExactly(new RankedEntry(3, users.get(2), 5));
        assertThat(subset.missing()).containsExactly("nobody");
        assertThat(scores.value().scoreAt()).containsEntry(1L, 100L).containsEntry(3L, 5L);
        int generation = Integer.parseInt(redis.opsForValue().get(keys.generationPointer()));
        BoardVersion written = new BoardVersion(generation, Long.parseLong(redis.opsForValue().get(keys.epoch())),
                Long.parseLong(redis.opsForValue().get(
                        keys.version(generation, board, TimeWindow.ALL_TIME, TimeWindow.ALL_TIME_KEY))));
        assertThat(page.version()).isEqualTo(written);
        assertThat(scores.version()).isEqualTo(written);
    }
}
