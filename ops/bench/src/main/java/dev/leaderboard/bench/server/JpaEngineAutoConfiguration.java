package dev.leaderboard.bench.server;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The benchmark's JPA variant only ({@link StorageEngine#JPA}): replaces the server's {@code eventStorageEngine} bean
 * (a {@code JdbcEventStorageEngine} defined by {@code EventStoreAutoConfiguration}, so Axon's own
 * {@code JpaEventStoreAutoConfiguration} backs off) with a {@link JpaEventStorageEngine} built the same way: the same
 * serializer, upcasters, snapshot filter and duplicate-key resolver. It is registered after the server's definition
 * and replaces it by name, which the variant allows with {@code spring.main.allow-bean-definition-overriding}.
 * Everything else (the event store in front of the engine, the JDBC token store of the projections) is unchanged.
 */
@AutoConfiguration(afterName = "dev.leaderboard.eventstore.EventStoreAutoConfiguration",
        beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnProperty(name = JpaEngineAutoConfiguration.ENGINE_PROPERTY, havingValue = "jpa")
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
public class JpaEngineAutoConfiguration {

    static final String ENGINE_PROPERTY = "leaderboard.bench.storage-engine";

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 Configuration configuration,
                                                 EntityManagerProvider entityManagerProvider,
                                                 TransactionManager transactionManager) {
        return JpaEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager)
                .build();
    }
}
