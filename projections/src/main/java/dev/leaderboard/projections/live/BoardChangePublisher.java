package dev.leaderboard.projections.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.projections.layout.BoardChange;
import dev.leaderboard.projections.layout.BoardVersion;
import dev.leaderboard.projections.layout.RankMember;
import dev.leaderboard.projections.layout.RedisKeys;
import dev.leaderboard.projections.standings.Standing;
import dev.leaderboard.windows.TimeWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.StringRedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After a batch is committed, reads the version, size and top of every board it touched (one pipelined round trip)
 * and publishes a {@link BoardChange} for each board whose version moved since this instance last published it: one
 * message per changed board per batch, whatever the number of listeners. The top rows travel only when the top
 * itself changed.
 */
public class BoardChangePublisher {

    private static final Logger log = LoggerFactory.getLogger(BoardChangePublisher.class);
    private static final int REMEMBERED_BOARDS = 10_000;

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final ObjectMapper json;
    private final int publishedTop;
    private final Map<Board, Published> lastPublished = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Board, Published> eldest) {
            return size() > REMEMBERED_BOARDS;
        }
    };

    public BoardChangePublisher(StringRedisTemplate redis, RedisKeys keys, ObjectMapper json, int publishedTop) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.publishedTop = publishedTop;
    }

    record Board(String leaderboardId, TimeWindow window, String period) {
    }

    private record Published(BoardVersion version, List<BoardChange.Row> top) {
    }

    /** Called after commit with the standings a batch wrote to the live generation. */
    public void publishChanges(int liveGeneration, List<Standing> written) {
        Set<Board> touched = new LinkedHashSet<>();
        written.forEach(s -> touched.add(new Board(s.leaderboardId(), s.window(), s.period())));
        if (touched.isEmpty()) {
            return;
        }
        try {
            List<Board> boards = new ArrayList<>(touched);
            List<Object> replies = redis.executePipelined((RedisCallback<Object>) connection -> {
                StringRedisConnection strings = (StringRedisConnection) connection;
                strings.get(keys.epoch());
                for (Board board : boards) {
                    String key = keys.ranking(liveGeneration, board.leaderboardId(), board.window(), board.period());
                    strings.zRevRangeWithScores(key, 0, publishedTop - 1);
                    strings.zCard(key);
                    strings.get(keys.version(liveGeneration, board.leaderboardId(), board.window(), board.period()));
                }
                return null;
            });
            long epoch = number(replies.get(0));
            for (int i = 0; i < boards.size(); i++) {
                int at = 1 + 3 * i;
                BoardVersion version = new BoardVersion(liveGeneration, epoch, number(replies.get(at + 2)));
                Long total = (Long) replies.get(at + 1);
                publishIfChanged(boards.get(i), version, rows(replies.get(at)), total == null ? 0 : total);
            }
        } catch (RuntimeException e) {
            // Notifications are best effort: the standings are committed; readers' caches expire within
            // leaderboard.query.top-cache-ttl, and the next change republishes.
            log.warn("Could not publish board changes: {}", e.toString());
        }
    }

    private void publishIfChanged(Board board, BoardVersion version, List<BoardChange.Row> top, long total) {
        boolean topChanged;
        synchronized (lastPublished) {
            Published last = lastPublished.get(board);
            if (last != null && last.version().equals(version)) {
                return;
            }
            topChanged = last == null || !last.top().equals(top);
            lastPublished.put(board, new Published(version, top));
        }
        BoardChange change = new BoardChange(board.leaderboardId(), board.window().id(), board.period(), version,
                total, topChanged, topChanged ? top : List.of());
        try {
            redis.convertAndSend(keys.changesChannel(), json.writeValueAsString(change));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long number(Object reply) {
        return reply == null ? 0 : Long.parseLong(reply.toString());
    }

    private static List<BoardChange.Row> rows(Object result) {
        List<BoardChange.Row> rows = new ArrayList<>();
        if (result instanceof Set<?> tuples) {
            for (Object tuple : tuples) {
                if (tuple instanceof ZSetOperations.TypedTuple<?> t && t.getValue() != null && t.getScore() != null) {
                    rows.add(new BoardChange.Row(RankMember.userIdOf(t.getValue().toString()),
                            t.getScore().longValue()));
                }
            }
        }
        return rows;
    }
}
