package dev.leaderboard.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.leaderboard.boards.BoardDirectory;
import dev.leaderboard.boards.LeaderboardDefinition;
import dev.leaderboard.boards.LeaderboardProperties;
import dev.leaderboard.boards.Tier;
import dev.leaderboard.platform.ConditionalOnRole;
import dev.leaderboard.platform.Role;
import dev.leaderboard.projections.ProjectionsAutoConfiguration;
import dev.leaderboard.projections.layout.RedisKeys;
import dev.leaderboard.projections.layout.RedisLayoutProperties;
import dev.leaderboard.query.export.ExportController;
import dev.leaderboard.query.export.ExportStreams;
import dev.leaderboard.query.graphql.GraphQlConfiguration;
import dev.leaderboard.query.results.PeriodResultReads;
import dev.leaderboard.query.results.ResultsController;
import dev.leaderboard.eventstore.StoredJson;
import dev.leaderboard.query.limits.ReadFailures;
import dev.leaderboard.query.live.LiveStreams;
import dev.leaderboard.query.live.StreamDrop;
import dev.leaderboard.query.live.StreamController;
import dev.leaderboard.query.live.StreamProperties;
import dev.leaderboard.query.rankings.PostgresRankings;
import dev.leaderboard.query.rankings.Rankings;
import dev.leaderboard.query.rankings.RankingsController;
import dev.leaderboard.query.rankings.SubsetController;
import dev.leaderboard.query.rankings.BoardVersions;
import dev.leaderboard.query.rankings.HotReadsFilter;
import dev.leaderboard.query.rankings.ReadAnswers;
import dev.leaderboard.query.rankings.RedisRankings;
import dev.leaderboard.query.rankings.RenderedReads;
import dev.leaderboard.query.rankings.SliceParser;
import dev.leaderboard.query.rankings.TierReads;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.autoconfigure.graphql.GraphQlAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.http.CacheControl;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** The read API and the live stream. Active on instances with the {@code query} role. */
@AutoConfiguration(after = {ProjectionsAutoConfiguration.class, RedisAutoConfiguration.class,
        DataSourceAutoConfiguration.class}, before = GraphQlAutoConfiguration.class)
@ConditionalOnRole(Role.QUERY)
@EnableConfigurationProperties({QueryProperties.class, StreamProperties.class, RedisLayoutProperties.class,
        ReadDataSourceProperties.class})
@Import({RankingsController.class, SubsetController.class, ExportController.class, ResultsController.class,
        StreamController.class, QueryProblems.class, QueryParameterBinding.class, GraphQlConfiguration.class})
public class QuerySideAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public RedisKeys redisKeys(RedisLayoutProperties layout) {
        return new RedisKeys(layout.keyPrefix());
    }

    /**
     * The read pool: a second Hikari pool beside the primary one Spring Boot configures (which stays the only
     * default candidate, so Flyway, Axon, the command side and the projections keep using it).
     */
    @Bean(name = ReadPool.DATA_SOURCE, defaultCandidate = false)
    @Qualifier(ReadPool.DATA_SOURCE)
    public HikariDataSource readDataSource(DataSourceProperties primary, ReadDataSourceProperties read) {
        HikariDataSource pool = primary.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        if (read.url() != null && !read.url().isBlank()) {
            pool.setJdbcUrl(read.url());
        }
        if (read.username() != null) {
            pool.setUsername(read.username());
        }
        if (read.password() != null) {
            pool.setPassword(read.password());
        }
        pool.setPoolName("read");
        pool.setMaximumPoolSize(read.maximumPoolSize());
        pool.setMinimumIdle(Math.min(read.minimumIdle(), read.maximumPoolSize()));
        pool.setConnectionTimeout(read.connectionTimeout().toMillis());
        pool.setReadOnly(true);
        return pool;
    }

    /** The board directory of reads, on the read pool: unknown board ids in a read flood ask this pool. */
    @Bean(name = ReadPool.BOARDS, defaultCandidate = false)
    @Qualifier(ReadPool.BOARDS)
    public BoardDirectory readBoardDirectory(LeaderboardProperties boards,
                                             @Qualifier(ReadPool.DATA_SOURCE) DataSource readPool,
                                             QueryProperties properties) {
        return new ReadBoardDirectory(boards, new JdbcTemplate(readPool), new ReadFailures(properties.retryAfter()));
    }

    @Bean
    public SliceParser sliceParser(@Qualifier(ReadPool.BOARDS) BoardDirectory boards, Clock clock,
                                   QueryProperties properties) {
        return new SliceParser(boards, clock, properties.maxCustomDays());
    }

    @Bean
    public ExportStreams exportStreams(@Qualifier(ReadPool.DATA_SOURCE) DataSource readPool,
                                       QueryProperties properties) {
        return new ExportStreams(readPool, properties);
    }

    @Bean
    public PeriodResultReads periodResultReads(@Qualifier(ReadPool.DATA_SOURCE) DataSource readPool) {
        return new PeriodResultReads(new JdbcTemplate(readPool), StoredJson.newObjectMapper());
    }

    @Bean
    public PostgresRankings postgresRankings(@Qualifier(ReadPool.DATA_SOURCE) DataSource readPool) {
        return new PostgresRankings(new JdbcTemplate(readPool));
    }

    @Bean
    public Rankings rankings(StringRedisTemplate redis, RedisKeys keys, PostgresRankings postgres,
                             QueryProperties properties) {
        return new Rankings(new RedisRankings(redis, keys), postgres, properties);
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

    @Bean
    public RenderedReads renderedReads(Rankings rankings, @Qualifier(ReadPool.BOARDS) BoardDirectory boards,
                                       ObjectMapper json, QueryProperties properties) {
        return new RenderedReads(rankings, tiersOf(boards), new BoardVersions(properties.topCacheTtl()), json,
                properties.topCacheMaxRows(), properties.topCacheTtl());
    }

    @Bean
    public ReadAnswers readAnswers(SliceParser slices, RenderedReads reads, Rankings rankings,
                                   @Qualifier(ReadPool.BOARDS) BoardDirectory boards) {
        return new ReadAnswers(slices, reads, new TierReads(rankings, tiersOf(boards), reads));
    }

    private static Function<String, List<Tier>> tiersOf(BoardDirectory boards) {
        return id -> boards.find(id).map(LeaderboardDefinition::tiers).orElse(List.of());
    }

    /** After every other filter, so request ids, security headers, CORS, limits and HTTP metrics all still apply. */
    @Bean
    @ConditionalOnProperty(name = "leaderboard.query.hot-reads-filter", matchIfMissing = true)
    public FilterRegistrationBean<HotReadsFilter> hotReadsFilter(ReadAnswers answers, QueryProperties properties) {
        FilterRegistrationBean<HotReadsFilter> registration = new FilterRegistrationBean<>(new HotReadsFilter(answers,
                CacheControl.maxAge(properties.httpMaxAge()).getHeaderValue()));
        registration.addUrlPatterns("/api/v1/leaderboards/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

    @Bean
    public RedisMessageListenerContainer boardChangeListener(RedisConnectionFactory connections, RedisKeys keys,
                                                             RenderedReads reads, Rankings rankings,
                                                             LiveStreams streams,
                                                             @Qualifier("topChangeDispatcher")
                                                             ExecutorService topChangeDispatcher) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.setTaskExecutor(topChangeDispatcher);
        container.addMessageListener(new ChangeNotifications(reads, rankings, streams),
                new ChannelTopic(keys.changesChannel()));
        return container;
    }

    @Bean
    public MeterBinder hotPageMetrics(RenderedReads reads) {
        return registry -> {
            FunctionCounter.builder("leaderboard.query.hot.pages", reads, RenderedReads::hits).tag("result", "hit")
                    .description("Rankings pages served rendered from memory, or rendered anew").register(registry);
            FunctionCounter.builder("leaderboard.query.hot.pages", reads, RenderedReads::misses).tag("result", "miss")
                    .description("Rankings pages served rendered from memory, or rendered anew").register(registry);
        };
    }

    @Bean
    public MeterBinder liveStreamMetrics(LiveStreams streams) {
        return registry -> {
            Gauge.builder("leaderboard.stream.clients", streams, LiveStreams::clients)
                    .description("Open live stream connections on this instance").register(registry);
            FunctionTimer.builder("leaderboard.stream.fanout", streams, LiveStreams::fanOuts,
                            LiveStreams::fanOutSeconds, TimeUnit.SECONDS)
                    .description("Offering one event to every client of its group (non-blocking writes)")
                    .register(registry);
            for (StreamDrop reason : StreamDrop.values()) {
                FunctionCounter.builder("leaderboard.stream.dropped", streams, s -> s.dropped(reason))
                        .tag("reason", reason.tag())
                        .description("Live streams this instance ended: the client was too slow, or gone")
                        .register(registry);
            }
        };
    }

    @Bean
    public MeterBinder readCapacityMetrics(Rankings rankings, ExportController exports) {
        return registry -> {
            Gauge.builder("leaderboard.query.range.computations", rankings, Rankings::rangeComputationsInUse)
                    .description("Custom-range computations running on this instance").register(registry);
            Gauge.builder("leaderboard.query.exports", exports, ExportController::exportsInUse)
                    .description("Exports streaming on this instance").register(registry);
        };
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
