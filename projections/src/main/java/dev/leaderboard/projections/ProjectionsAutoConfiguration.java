package dev.leaderboard.projections;

import dev.leaderboard.eventstore.EventStoreAutoConfiguration;
import dev.leaderboard.eventstore.StoredJson;
import dev.leaderboard.projections.live.BoardChangePublisher;
import dev.leaderboard.platform.ConditionalOnRole;
import dev.leaderboard.platform.Role;
import dev.leaderboard.projections.admin.ProcessorReset;
import dev.leaderboard.projections.admin.ProjectionStatusReader;
import dev.leaderboard.projections.admin.ProjectionsAdminController;
import dev.leaderboard.projections.balancing.SegmentBalancer;
import dev.leaderboard.projections.generations.ProjectionGenerations;
import dev.leaderboard.projections.periods.LateEvents;
import dev.leaderboard.projections.periods.PeriodFences;
import dev.leaderboard.projections.periods.PeriodsConfiguration;
import dev.leaderboard.projections.healing.RedisHealer;
import dev.leaderboard.projections.health.StandingsHealthIndicator;
import dev.leaderboard.projections.healing.RedisRestorer;
import dev.leaderboard.projections.layout.RedisKeys;
import dev.leaderboard.projections.layout.RedisLayoutProperties;
import dev.leaderboard.projections.replay.StandingsReplay;
import dev.leaderboard.projections.standings.AppliedEvents;
import dev.leaderboard.projections.standings.PostgresStandings;
import dev.leaderboard.projections.standings.RedisStandings;
import dev.leaderboard.projections.standings.RedisWriteTracing;
import dev.leaderboard.projections.standings.RetentionPolicy;
import dev.leaderboard.projections.standings.StandingsProjector;
import dev.leaderboard.projections.standings.StandingsWriter;
import dev.leaderboard.projections.standings.SuspendedPlayers;
import dev.leaderboard.projections.standings.TracedRedisWrites;
import io.micrometer.tracing.Tracer;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.GenericResultMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The standings projection: a pooled streaming processor writing Redis sorted sets and the PostgreSQL standings
 * table, the Redis healer, replays and their admin API. Active on instances with the {@code projections} role.
 */
@AutoConfiguration(after = {EventStoreAutoConfiguration.class, RedisAutoConfiguration.class},
        before = AxonAutoConfiguration.class)
@ConditionalOnRole(Role.PROJECTIONS)
@EnableConfigurationProperties({ProjectionProperties.class, RedisLayoutProperties.class})
@Import({ProjectionsAdminController.class, PeriodsConfiguration.class})
public class ProjectionsAutoConfiguration {

    @Bean
    public RedisKeys redisKeys(RedisLayoutProperties layout) {
        return new RedisKeys(layout.keyPrefix());
    }

    @Bean
    public RetentionPolicy retentionPolicy(ProjectionProperties properties) {
        return new RetentionPolicy(properties.retention());
    }

    @Bean
    public RedisStandings redisStandings(StringRedisTemplate redis, RedisKeys keys, RetentionPolicy retention) {
        return new RedisStandings(redis, keys, retention);
    }

    @Bean
    public ProjectionGenerations projectionGenerations(JdbcTemplate jdbc) {
        return new ProjectionGenerations(jdbc);
    }

    @Bean
    public AppliedEvents appliedEvents() {
        return new AppliedEvents();
    }

    @Bean
    public StandingsWriter standingsWriter(JdbcTemplate jdbc, RedisStandings redis, RetentionPolicy retention,
                                           ProjectionGenerations generations, AppliedEvents appliedEvents,
                                           Clock clock, RedisWriteTracing redisWriteTracing) {
        return new StandingsWriter(new PostgresStandings(jdbc), new SuspendedPlayers(jdbc, retention), redis,
                retention, generations, appliedEvents, clock, redisWriteTracing);
    }

    /**
     * Spans of the Redis writes while tracing is on, else nothing. Spring Boot creates a {@link Tracer} even with
     * {@code management.tracing.enabled=false} (it then only exports nothing), so the property decides.
     */
    @Bean
    public RedisWriteTracing redisWriteTracing(ObjectProvider<Tracer> tracer, Environment environment) {
        Tracer available = tracer.getIfAvailable();
        boolean enabled = environment.getProperty("management.tracing.enabled", Boolean.class, true);
        return !enabled || available == null || available == Tracer.NOOP ? RedisWriteTracing.OFF
                : new TracedRedisWrites(available);
    }

    @Bean
    public BoardChangePublisher boardChangePublisher(StringRedisTemplate redis, RedisKeys keys) {
        return new BoardChangePublisher(redis, keys, StoredJson.newObjectMapper());
    }

    @Bean
    public StandingsProjector standingsProjector(StandingsWriter writer, BoardChangePublisher publisher,
                                                 PeriodFences fences, LateEvents lateEvents,
                                                 RedisWriteTracing redisWriteTracing) {
        return new StandingsProjector(writer, publisher, fences, lateEvents, redisWriteTracing);
    }

    @Bean
    public SegmentBalancer standingsSegmentBalancer(JdbcTemplate jdbc, ProjectionProperties properties) {
        return new SegmentBalancer(jdbc, StandingsProjector.PROCESSING_GROUP, properties.segments(),
                properties.heartbeatInterval());
    }

    /**
     * Pooled streaming, segmented (events are sequenced per player, Axon's default policy), batched; a failing
     * batch is rolled back and retried, never skipped.
     */
    /** Not a default candidate: an executor bean by type would displace Spring Boot's own task executor. */
    @Bean(destroyMethod = "shutdownNow", defaultCandidate = false)
    public ScheduledExecutorService standingsWorkers(ProjectionProperties properties) {
        return Executors.newScheduledThreadPool(properties.threads(), new AxonThreadFactory("standings-worker"));
    }

    @Bean
    public ConfigurerModule standingsProcessor(ProjectionProperties properties, SegmentBalancer balancer,
                                               @Qualifier("standingsWorkers")
                                               ScheduledExecutorService standingsWorkers) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessor(StandingsProjector.PROCESSING_GROUP,
                        Configuration::eventStore,
                        (config, builder) -> {
                            builder.batchSize(properties.batchSize())
                                    .initialSegmentCount(properties.segments())
                                    .tokenClaimInterval(properties.tokenClaimInterval().toMillis())
                                    .maxSegmentProvider(balancer)
                                    .workerExecutor(standingsWorkers);
                            if (!properties.axonMetrics()) {
                                // Axon's per-event monitors (count, timer, capacity, latency) cost ~14 % of the
                                // workers' CPU in the catch-up profile; ProjectionMetrics exports what operators use.
                                builder.messageMonitor(NoOpMessageMonitor.INSTANCE);
                            }
                            return builder;
                        })
                .registerHandlerInterceptor(StandingsProjector.PROCESSING_GROUP,
                        config -> new NoCorrelationResult())
                .registerListenerInvocationErrorHandler(StandingsProjector.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance()));
    }

    /**
     * Answers every handled event with one shared, empty result message. Otherwise Axon's unit of work wraps each
     * handler's {@code null} in a new result message, and a new message collects the correlation data of the event
     * being handled, which deserializes the event's metadata (request IP, user agent, ...): ~15 % of the workers' CPU
     * in the catch-up profile, for a result nobody reads (the standings handlers send no messages, so no correlation
     * data is needed; exceptions still propagate, and a failing batch is still rolled back).
     */
    static final class NoCorrelationResult implements MessageHandlerInterceptor<EventMessage<?>> {

        /** Created with an explicit identifier, so it never merges the correlation data of a current unit of work. */
        private static final ResultMessage<Void> HANDLED = new GenericResultMessage<>(
                new GenericMessage<>("standings-event-handled", Void.class, null, MetaData.emptyInstance()));

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
                throws Exception {
            interceptorChain.proceed();
            return HANDLED;
        }
    }

    @Bean
    public RedisRestorer redisRestorer(JdbcTemplate jdbc, TransactionTemplate transactions,
                                       ProjectionGenerations generations, RedisStandings redis,
                                       RetentionPolicy retention, Clock clock) {
        return new RedisRestorer(jdbc, transactions, generations, redis, retention, clock);
    }

    @Bean
    public RedisHealer redisHealer(RedisStandings redis, RedisRestorer restorer, ProjectionGenerations generations,
                                   ProjectionProperties properties) {
        return new RedisHealer(redis, restorer, generations, properties.healCheckInterval());
    }

    @Bean
    public StandingsReplay standingsReplay(EventStore eventStore, StandingsWriter writer,
                                           ProjectionGenerations generations, RedisStandings redis,
                                           JdbcTemplate jdbc, TransactionTemplate transactions,
                                           ProjectionProperties properties, PeriodFences fences) {
        return new StandingsReplay(eventStore, writer, generations, redis, jdbc, transactions, properties, fences);
    }

    @Bean
    public ProjectionStatusReader projectionStatusReader(JdbcTemplate jdbc, Serializer serializer,
                                                         EventStore eventStore,
                                                         EventProcessingConfiguration processing,
                                                         ProjectionGenerations generations,
                                                         RedisRestorer restorer, Clock clock) {
        return new ProjectionStatusReader(jdbc, serializer, eventStore, processing, generations, restorer, clock);
    }

    @Bean
    public ProcessorReset processorReset(EventProcessingConfiguration processing) {
        return new ProcessorReset(processing);
    }

    @Bean
    public ProjectionMetrics projectionMetrics(ProjectionStatusReader status, RedisRestorer restorer,
                                               AppliedEvents appliedEvents, Clock clock) {
        return new ProjectionMetrics(status, restorer, appliedEvents, clock);
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {
        @Bean
        public StandingsHealthIndicator standingsHealthIndicator(ProjectionStatusReader status) {
            return new StandingsHealthIndicator(status);
        }
    }
}
