package dev.leaderboard.server.observability;

import dev.leaderboard.projections.standings.RedisWriteTracing;
import dev.leaderboard.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Tracing off (the default): the projection neither reads the events' trace metadata nor starts spans. */
class TracingOffTest extends ServerTest {

    @Autowired
    private RedisWriteTracing redisWriteTracing;

    @Test
    void theProjectionsRedisWritesAreNotTracedWhileTracingIsOff() {
        assertThat(redisWriteTracing).isSameAs(RedisWriteTracing.OFF);
    }
}
