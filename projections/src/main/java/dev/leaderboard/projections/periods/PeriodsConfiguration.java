package dev.leaderboard.projections.periods;

import dev.leaderboard.boards.BoardDirectory;
import dev.leaderboard.eventstore.StoredJson;
import dev.leaderboard.projections.admin.ProjectionStatusReader;
import dev.leaderboard.projections.generations.ProjectionGenerations;
import dev.leaderboard.projections.outbound.OutboundSender;
import dev.leaderboard.projections.periods.kafka.PeriodResultsKafkaProperties;
import dev.leaderboard.projections.periods.kafka.PeriodResultsPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Closing ended periods: fences, the closer, the closed-period aggregate, and the results topic. Part of the
 * {@code projections} role: the close reads the standings this role writes.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PeriodCloseProperties.class, PeriodResultsKafkaProperties.class})
@Import(ClosedPeriod.class)
public class PeriodsConfiguration {

    @Bean
    public PeriodFences periodFences(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new PeriodFences(jdbc, transactions);
    }

    @Bean
    public LateEvents lateEvents(ObjectProvider<MeterRegistry> meters) {
        return new LateEvents(meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    public PeriodResults periodResults(JdbcTemplate jdbc, ProjectionGenerations generations) {
        return new PeriodResults(jdbc, generations, StoredJson.newObjectMapper());
    }

    @Bean
    public FenceCoverage fenceCoverage(PeriodFences fences, ProjectionStatusReader status) {
        return new FenceCoverage(fences, status);
    }

    @Bean
    @ConditionalOnProperty(prefix = "leaderboard.periods.close", name = "enabled", matchIfMissing = true)
    public PeriodCloser periodCloser(PeriodCloseProperties properties, BoardDirectory boards, PeriodFences fences,
                                     FenceCoverage coverage, PeriodResults results, CommandGateway commands,
                                     Clock clock, ObjectProvider<MeterRegistry> meters) {
        return new PeriodCloser(properties, boards, fences, coverage, results, commands, clock,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** The results topic, where Kafka is configured. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("spring.kafka.bootstrap-servers")
    @EnableConfigurationProperties(KafkaProperties.class)
    static class ResultsTopic {

        @Bean(destroyMethod = "destroy")
        public DefaultKafkaProducerFactory<byte[], byte[]> periodResultsProducerFactory(
                KafkaProperties kafka, ObjectProvider<SslBundles> sslBundles, PeriodResultsKafkaProperties properties) {
            Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties(sslBundles.getIfAvailable()));
            // One send is bounded by max.block.ms (metadata, buffer) + delivery.timeout.ms, within the send timeout,
            // so a broker outage fails the processor's batch (retried with back-off) instead of blocking it.
            long timeout = properties.sendTimeout().toMillis();
            int block = (int) Math.max(100, timeout / 4);
            int delivery = (int) Math.max(200, timeout - block);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, block);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, delivery);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, delivery);
            config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "leaderboard-period-results");
            return new DefaultKafkaProducerFactory<>(config);
        }

        @Bean
        public PeriodResultsPublisher periodResultsPublisher(
                DefaultKafkaProducerFactory<byte[], byte[]> periodResultsProducerFactory,
                PeriodResultsKafkaProperties properties) {
            return new PeriodResultsPublisher(new OutboundSender(new KafkaTemplate<>(periodResultsProducerFactory),
                    properties.sendTimeout()), properties.topic(), StoredJson.newObjectMapper());
        }

        @Bean
        @ConditionalOnProperty(prefix = "leaderboard.periods.kafka", name = "create", matchIfMissing = true)
        public NewTopic periodResultsTopic(PeriodResultsKafkaProperties properties) {
            TopicBuilder builder = TopicBuilder.name(properties.topic()).partitions(properties.partitions());
            if (properties.replicas() != null) {
                builder.replicas(properties.replicas());
            }
            return builder.build();
        }

        /** Its own tracking processor and token; a failed send is retried (with back-off), never skipped. */
        @Bean
        public ConfigurerModule periodResultsProcessor() {
            return configurer -> configurer.eventProcessing(processing -> processing
                    .registerTrackingEventProcessor(PeriodResultsPublisher.PROCESSING_GROUP,
                            Configuration::eventStore,
                            config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                    .andBatchSize(100))
                    .registerListenerInvocationErrorHandler(PeriodResultsPublisher.PROCESSING_GROUP,
                            config -> PropagatingErrorHandler.instance()));
        }
    }
}
