package dev.leaderboard.bench.reads;

import dev.leaderboard.projections.layout.RedisKeys;
import dev.leaderboard.windows.TimeWindow;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The same-run baseline of the HTTP reads: the bare Redis commands under them, sent to the server's own Redis with
 * the client the server uses (Spring Data Redis on Lettuce, one shared connection), from the benchmark's JVM.
 * {@code ZREVRANGE key 0 9 WITHSCORES} for the top 10, {@code ZREVRANK key member} for a random member (members
 * are sampled from the sorted set beforehand, so the timed call is the one command).
 */
final class RedisBaseline implements AutoCloseable {

    private final LettuceConnectionFactory factory;
    private final StringRedisTemplate redis;
    private final String rankingKey;
    private final List<String> sampledMembers;

    RedisBaseline(int port, String keyPrefix, int samples) {
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
        factory.afterPropertiesSet();
        factory.start();
        redis = new StringRedisTemplate(factory);
        redis.afterPropertiesSet();
        RedisKeys keys = new RedisKeys(keyPrefix);
        String generation = redis.opsForValue().get(keys.generationPointer());
        if (generation == null) {
            throw new IllegalStateException("Redis has no generation pointer: the board is not in Redis");
        }
        rankingKey = keys.ranking(Integer.parseInt(generation), SyntheticBoard.BOARD,
                TimeWindow.fromId(SyntheticBoard.WINDOW).orElseThrow(), SyntheticBoard.PERIOD);
        Long size = redis.opsForZSet().zCard(rankingKey);
        if (size == null || size == 0) {
            throw new IllegalStateException("the sorted set " + rankingKey + " is empty");
        }
        sampledMembers = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            long rank = ThreadLocalRandom.current().nextLong(size);
            Set<String> member = redis.opsForZSet().reverseRange(rankingKey, rank, rank);
            if (member != null && !member.isEmpty()) {
                sampledMembers.add(member.iterator().next());
            }
        }
    }

    String rankingKey() {
        return rankingKey;
    }

    long size() {
        Long size = redis.opsForZSet().zCard(rankingKey);
        return size == null ? 0 : size;
    }

    ClosedLoop.Request top10() {
        return () -> {
            var rows = redis.opsForZSet().reverseRangeWithScores(rankingKey, 0, 9);
            return rows != null && rows.size() == 10;
        };
    }

    ClosedLoop.Request rankOfRandomMember() {
        return () -> {
            String member = sampledMembers.get(ThreadLocalRandom.current().nextInt(sampledMembers.size()));
            return redis.opsForZSet().reverseRank(rankingKey, member) != null;
        };
    }

    @Override
    public void close() {
        factory.destroy();
    }
}
