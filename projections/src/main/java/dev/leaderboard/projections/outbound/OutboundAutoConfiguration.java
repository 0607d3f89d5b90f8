package dev.leaderboard.projections.outbound;

import dev.leaderboard.eventstore.StoredJson;
import dev.leaderboard.platform.ConditionalOnRole;
import dev.leaderboard.platform.Role;
import dev.leaderboard.projections.ProjectionsAutoConfiguration;
import dev.leaderboard.projections.admin.CachedStatus;
import dev.leaderboard.projections.admin.ProjectionStatusReader;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Outbound score events: a pooled streaming processor of its own ({@value ScoreEventsPublisher#PROCESSING_GROUP},
 * its own tokens) that publishes {@link OutboundEvents#scoreEvents()} to Kafka, on instances with the
 * {@code projections} role where {@code spring.kafka.bootstrap-servers} is set, unless
 * {@code leaderboard.outbound.enabled=false}. Segments are claimed through the token store, so each is published by
 * exactly one instance at a time; a Kafka outage stops only this processor, never the standings.
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, ProjectionsAutoConfiguration.class},
        before = AxonAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnRole(Role.PROJECTIONS)
@ConditionalOnProperty("spring.kafka.bootstrap-servers")
@ConditionalOnProperty(prefix = "leaderboard.outbound", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties({OutboundProperties.class, KafkaProperties.class})
public class OutboundAutoConfiguration {

    /**
     * Its own producer: idempotent with {@code acks=all} and at most 5 requests in flight, so the broker's
     * retries never reorder a partition; every wait bounded by the send timeout.
     */
    @Bean(destroyMethod = "destroy")
    public DefaultKafkaProducerFactory<byte[], byte[]> outboundProducerFactory(
            KafkaProperties kafka, ObjectProvider<SslBundles> sslBundles,
            ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers, OutboundProperties properties) {
        int timeout = (int) properties.sendTimeout().toMillis();
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties(sslBundles.getIfAvailable()));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "leaderboard-outbound-producer");
        DefaultKafkaProducerFactory<byte[], byte[]> factory = new DefaultKafkaProducerFactory<>(config);
        factory.setBeanName("leaderboardOutboundProducerFactory");
        factory.setPhysicalCloseTimeout((int) Math.max(1, properties.sendTimeout().toSeconds() + 1));
        customizers.orderedStream().forEach(c -> c.customize(factory));
        return factory;
    }

    @Bean
    public OutboundSender outboundSender(DefaultKafkaProducerFactory<byte[], byte[]> outboundProducerFactory,
                                         OutboundProperties properties) {
        return new OutboundSender(new KafkaTemplate<>(outboundProducerFactory), properties.sendTimeout());
    }

    @Bean
    public ScoreEventsPublisher scoreEventsPublisher(OutboundSender outboundSender, OutboundProperties properties) {
        return new ScoreEventsPublisher(OutboundEvents.scoreEvents(), outboundSender, properties.topic().name(),
                StoredJson.newObjectMapper());
    }

    @Bean
    @ConditionalOnProperty(prefix = "leaderboard.outbound.topic", name = "create", matchIfMissing = true)
    public KafkaAdmin.NewTopics leaderboardOutboundTopics(OutboundProperties properties) {
        OutboundProperties.Topic topic = properties.topic();
        TopicBuilder builder = TopicBuilder.name(topic.name()).partitions(topic.partitions());
        if (topic.replicas() != null) {
            builder.replicas(topic.replicas());
        }
        return new KafkaAdmin.NewTopics(builder.build());
    }

    /**
     * Sequenced per aggregate (a player's events on one thread, in order), batched; a batch Kafka does not take is
     * rolled back and retried from the same token, never skipped.
     */
    @Bean
    public ConfigurerModule outboundProcessor(OutboundProperties properties) {
        String group = ScoreEventsPublisher.PROCESSING_GROUP;
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessor(group, Configuration::eventStore,
                        (config, builder) -> {
                            builder.batchSize(properties.batchSize())
                                    .initialSegmentCount(properties.segments())
                                    // Axon's per-event monitors cost CPU; OutboundMetrics exports what operators use
                                    .messageMonitor(NoOpMessageMonitor.INSTANCE);
                            if (!properties.publishHistory()) {
                                builder.initialToken(source -> source.createHeadToken());
                            }
                            return builder;
                        })
                .registerSequencingPolicy(group, config -> SequentialPerAggregatePolicy.instance())
                .registerListenerInvocationErrorHandler(group, config -> PropagatingErrorHandler.instance()));
    }

    @Bean
    public OutboundMetrics outboundMetrics(OutboundSender outboundSender, ProjectionStatusReader status,
                                           Clock clock) {
        return new OutboundMetrics(outboundSender,
                new CachedStatus(() -> status.processor(ScoreEventsPublisher.PROCESSING_GROUP), clock));
    }
}
