package dev.leaderboard.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.Configuration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

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
@EnableConfigurationProperties(EventStoreProperties.class)
public class EventStoreAutoConfiguration {

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

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresDuplicateKeyResolver();
    }

    /** Serializes events, metadata, snapshots and tokens; Axon uses the primary serializer for all three roles. */
    @Bean
    @Primary
    public Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(StoredJson.newObjectMapper()).build();
    }

    @Bean(destroyMethod = "shutdown")
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
                                            ExecutorService snapshotExecutor) {
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
