package dev.leaderboard.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.boards.BoardDirectory;
import dev.leaderboard.eventstore.StoredJson;
import dev.leaderboard.platform.ConditionalOnRole;
import dev.leaderboard.platform.Role;
import dev.leaderboard.projections.ProjectionsAutoConfiguration;
import dev.leaderboard.projections.layout.RedisKeys;
import dev.leaderboard.projections.layout.RedisLayoutProperties;
import dev.leaderboard.projections.layout.TopChange;
import dev.leaderboard.query.export.ExportController;
import dev.leaderboard.query.live.LiveStreams;
import dev.leaderboard.query.live.StreamController;
import dev.leaderboard.query.live.StreamProperties;
import dev.leaderboard.query.rankings.PostgresRankings;
import dev.leaderboard.query.rankings.Rankings;
import dev.leaderboard.query.rankings.RankingsController;
import dev.leaderboard.query.rankings.RedisRankings;
import dev.leaderboard.query.rankings.SliceParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The read API and the live stream. Active on instances with the {@code query} role. */
@AutoConfiguration(after = {ProjectionsAutoConfiguration.class, RedisAutoConfiguration.class})
@ConditionalOnRole(Role.QUERY)
@EnableConfigurationProperties({QueryProperties.class, StreamProperties.class, RedisLayoutProperties.class})
@Import({RankingsController.class, ExportController.class, StreamController.class, QueryProblems.class})
public class QuerySideAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(QuerySideAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    public RedisKeys redisKeys(RedisLayoutProperties layout) {
        return new RedisKeys(layout.keyPrefix());
    }

    @Bean
    public SliceParser sliceParser(BoardDirectory boards, Clock clock, QueryProperties properties) {
        return new SliceParser(boards, clock, properties.maxCustomDays());
    }

    @Bean
    public PostgresRankings postgresRankings(JdbcTemplate jdbc) {
        return new PostgresRankings(jdbc);
    }

    @Bean
    public Rankings rankings(StringRedisTemplate redis, RedisKeys keys, PostgresRankings postgres,
                             QueryProperties properties) {
        return new Rankings(new RedisRankings(redis, keys.prefix()), postgres, properties);
    }

    @Bean
    public LiveStreams liveStreams(Rankings rankings, StreamProperties properties, Clock clock, ObjectMapper json) {
        return new LiveStreams(rankings, properties, clock, json);
    }

    /**
     * One dispatch thread for change notifications: the container's default executor starts a new thread per
     * message (hundreds a minute under load, seen in the benchmark's profile), and one thread keeps arrival order.
     * Not a default candidate, so it does not displace Spring Boot's task executor.
     */
    @Bean(destroyMethod = "shutdownNow", defaultCandidate = false)
    public ExecutorService topChangeDispatcher() {
        return Executors.newSingleThreadExecutor(Thread.ofPlatform().name("top-change-listener").daemon().factory());
    }

    /** Change notifications from whichever instance projected them: evict hot pages, update live clients. */
    @Bean
    public RedisMessageListenerContainer topChangeListener(RedisConnectionFactory connections, RedisKeys keys,
                                                           Rankings rankings, LiveStreams streams,
                                                           @Qualifier("topChangeDispatcher")
                                                           ExecutorService topChangeDispatcher) {
        ObjectMapper stored = StoredJson.newObjectMapper();
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.setTaskExecutor(topChangeDispatcher);
        container.addMessageListener((message, pattern) -> {
            try {
                TopChange change = stored.readValue(new String(message.getBody(), StandardCharsets.UTF_8),
                        TopChange.class);
                rankings.evict(change);
                streams.onChange(change);
            } catch (Exception e) {
                log.warn("Ignoring a malformed change notification: {}", e.toString());
            }
        }, new ChannelTopic(keys.changesChannel()));
        return container;
    }

    @Bean
    public MeterBinder liveStreamMetrics(LiveStreams streams) {
        return registry -> Gauge.builder("leaderboard.stream.clients", streams, LiveStreams::clients)
                .description("Open live stream connections on this instance").register(registry);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {
        @Bean
        public ReadModelHealthIndicator readModelHealthIndicator(StringRedisTemplate redis, RedisKeys keys) {
            return new ReadModelHealthIndicator(redis, keys);
        }
    }
}
