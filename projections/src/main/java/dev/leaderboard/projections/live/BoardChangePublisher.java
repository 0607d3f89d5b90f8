package dev.leaderboard.projections.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.projections.layout.BoardChange;
import dev.leaderboard.projections.layout.BoardVersion;
import dev.leaderboard.projections.layout.RedisKeys;
import dev.leaderboard.projections.standings.Standing;
import dev.leaderboard.windows.TimeWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After a batch is committed, reads the version of every board it touched (the epoch and the boards' counters, one
 * MGET) and publishes a {@link BoardChange} for each board whose version moved since this instance last published
 * it: one message per changed board per batch, whatever the number of listeners. Whether a board's top changed is
 * not decided here: live streams read their top when told and send it only if it differs from what they sent.
 */
public class BoardChangePublisher {

    private static final Logger log = LoggerFactory.getLogger(BoardChangePublisher.class);
    private static final int REMEMBERED_BOARDS = 10_000;

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final ObjectMapper json;
    private final Map<Board, BoardVersion> lastPublished = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Board, BoardVersion> eldest) {
            return size() > REMEMBERED_BOARDS;
        }
    };

    public BoardChangePublisher(StringRedisTemplate redis, RedisKeys keys, ObjectMapper json) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
    }

    record Board(String leaderboardId, TimeWindow window, String period) {
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
            List<String> versionKeys = new ArrayList<>(boards.size() + 1);
            versionKeys.add(keys.epoch());
            boards.forEach(b -> versionKeys.add(keys.version(liveGeneration, b.leaderboardId(), b.window(), b.period())));
            List<String> values = redis.opsForValue().multiGet(versionKeys);
            long epoch = number(values.get(0));
            for (int i = 0; i < boards.size(); i++) {
                publishIfChanged(boards.get(i), new BoardVersion(liveGeneration, epoch, number(values.get(i + 1))));
            }
        } catch (RuntimeException e) {
            // Notifications are best effort: the standings are committed; readers' caches expire within
            // leaderboard.query.top-cache-ttl, and the next change republishes.
            log.warn("Could not publish board changes: {}", e.toString());
        }
    }

    private void publishIfChanged(Board board, BoardVersion version) {
        synchronized (lastPublished) {
            if (version.equals(lastPublished.put(board, version))) {
                return;
            }
        }
        BoardChange change = new BoardChange(board.leaderboardId(), board.window().id(), board.period(), version);
        try {
            redis.convertAndSend(keys.changesChannel(), json.writeValueAsString(change));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long number(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }
}
