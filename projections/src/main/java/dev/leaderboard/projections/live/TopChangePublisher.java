package dev.leaderboard.projections.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.projections.layout.RankMember;
import dev.leaderboard.projections.layout.RedisKeys;
import dev.leaderboard.projections.layout.TopChange;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After a batch is committed, compares the top of every board it touched with what this instance last published,
 * and publishes only real changes: one message per changed board per batch, whatever the number of listeners.
 */
public class TopChangePublisher {

    private static final Logger log = LoggerFactory.getLogger(TopChangePublisher.class);
    private static final int REMEMBERED_BOARDS = 10_000;

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final ObjectMapper json;
    private final int publishedTop;
    private final Map<Board, List<TopChange.Row>> lastPublished = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Board, List<TopChange.Row>> eldest) {
            return size() > REMEMBERED_BOARDS;
        }
    };

    public TopChangePublisher(StringRedisTemplate redis, RedisKeys keys, ObjectMapper json, int publishedTop) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.publishedTop = publishedTop;
    }

    record Board(String leaderboardId, TimeWindow window, String period) {
    }

    /** Called after commit with the standings a batch wrote to the live generation. */
    public void publishChanges(int liveGeneration, List<Standing> written) {
        Set<Board> touched = new java.util.LinkedHashSet<>();
        written.forEach(s -> touched.add(new Board(s.leaderboardId(), s.window(), s.period())));
        try {
            List<Board> boards = new ArrayList<>(touched);
            List<Object> tops = redis.executePipelined((RedisCallback<Object>) connection -> {
                StringRedisConnection strings = (StringRedisConnection) connection;
                for (Board board : boards) {
                    String key = keys.ranking(liveGeneration, board.leaderboardId(), board.window(), board.period());
                    strings.zRevRangeWithScores(key, 0, publishedTop - 1);
                    strings.zCard(key);
                }
                return null;
            });
            for (int i = 0; i < boards.size(); i++) {
                publishIfChanged(boards.get(i), rows(tops.get(2 * i)), (Long) tops.get(2 * i + 1));
            }
        } catch (RuntimeException e) {
            // Notifications are best effort: the standings are committed; the next change republishes.
            log.warn("Could not publish top changes: {}", e.toString());
        }
    }

    private void publishIfChanged(Board board, List<TopChange.Row> top, Long total) throws RuntimeException {
        synchronized (lastPublished) {
            if (top.equals(lastPublished.get(board))) {
                return;
            }
            lastPublished.put(board, top);
        }
        TopChange change = new TopChange(board.leaderboardId(), board.window().id(), board.period(),
                total == null ? 0 : total, top);
        try {
            redis.convertAndSend(keys.changesChannel(), json.writeValueAsString(change));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<TopChange.Row> rows(Object result) {
        List<TopChange.Row> rows = new ArrayList<>();
        if (result instanceof Set<?> tuples) {
            for (Object tuple : tuples) {
                if (tuple instanceof ZSetOperations.TypedTuple<?> t && t.getValue() != null && t.getScore() != null) {
                    rows.add(new TopChange.Row(RankMember.userIdOf(t.getValue().toString()),
                            t.getScore().longValue()));
                }
            }
        }
        return rows;
    }
}
