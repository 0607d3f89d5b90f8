package dev.leaderboard.eventstore;

import dev.leaderboard.boards.BoardDirectory;
import dev.leaderboard.boards.LeaderboardProperties;
import dev.leaderboard.database.DatabaseProperties;
import dev.leaderboard.database.SessionTimeouts;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Axon's event store on PostgreSQL through the JDBC storage engine (see docs/design-decisions.md for the measured
 * choice over JPA), with snake_case tables owned by Flyway, Jackson for every stored byte, and snapshots taken off
 * the command thread.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
        before = {JdbcAutoConfiguration.class, AxonAutoConfiguration.class})
@EnableConfigurationProperties({EventStoreProperties.class, TokenStoreProperties.class,
        LeaderboardProperties.class, DatabaseProperties.class})
public class EventStoreAutoConfiguration {

    /** statement_timeout and lock_timeout on every connection pool (static: a post-processor is created early). */
    @Bean
    public static SessionTimeouts sessionTimeouts() {
        return new SessionTimeouts();
    }

    /** Table and column names; the same names Axon's JPA entities map to, so either engine reads the same store. */
    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /** The JDBC storage engine (the measured choice, see docs/design-decisions.md) on the snake_case schema. */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 EventSchema eventSchema,
                                                 EventStoreProperties properties) {
        return JdbcEventStorageEngine.builder()
                .batchSize(properties.batchSize())
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .build();
    }

    /**
     * Axon's embedded event store, with a shorter fetch delay: events appended by another instance are only seen by
     * polling, every 1 s by default, which alone would break the sub-second cross-instance live updates.
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                         EventStoreProperties properties) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .fetchDelay(properties.fetchDelay().toMillis())
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .build();
    }

    @Bean
    public BoardDirectory boardDirectory(LeaderboardProperties properties, JdbcTemplate jdbc) {
        return new BoardDirectory(properties, jdbc);
    }

    /** The server clock: it alone decides periods and reach times (tests replace it). */
    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresDuplicateKeyResolver();
    }

    /**
     * Axon's JDBC token store, but with an owner id unique to this application context: Axon's default owner is
     * {@code pid@host}, which two instances in one JVM share, and then both believe they hold every segment.
     */
    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema schema,
                                 TokenStoreProperties properties) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(schema)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID())
                .build();
    }

    /** Serializes events, metadata, snapshots and tokens; Axon uses the primary serializer for all three roles. */
    @Bean
    @Primary
    public Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(StoredJson.newObjectMapper()).build();
    }

    /** Not a default candidate: an executor bean by type would displace Spring Boot's own task executor. */
    @Bean(destroyMethod = "shutdown", defaultCandidate = false)
    public ExecutorService snapshotExecutor(EventStoreProperties properties) {
        return new ThreadPoolExecutor(properties.snapshotThreads(), properties.snapshotThreads(),
                0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(properties.snapshotQueueSize()),
                Thread.ofPlatform().name("snapshotter-", 0).daemon().factory(),
                new ThreadPoolExecutor.DiscardPolicy());
    }

    @Bean
    public Snapshotter aggregateSnapshotter(Configuration configuration,
                                            HandlerDefinition handlerDefinition,
                                            ParameterResolverFactory parameterResolverFactory,
                                            EventStore eventStore,
                                            TransactionManager transactionManager,
                                            SnapshotterSpanFactory spanFactory,
                                            @Qualifier("snapshotExecutor") ExecutorService snapshotExecutor) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotExecutor)
                .build();
    }
}
