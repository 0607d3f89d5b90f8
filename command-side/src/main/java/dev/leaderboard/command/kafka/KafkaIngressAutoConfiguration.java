package dev.leaderboard.command.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.command.CommandSideAutoConfiguration;
import dev.leaderboard.command.batching.GroupCommitter;
import dev.leaderboard.command.ingress.ActionIngress;
import dev.leaderboard.command.ingress.IngressMode;
import dev.leaderboard.command.leaderboards.LeaderboardCatalog;
import dev.leaderboard.command.scoring.ActionTypes;
import dev.leaderboard.command.scoring.ProcessedActions;
import dev.leaderboard.platform.ConditionalOnRole;
import dev.leaderboard.platform.Role;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validator;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.autoconfigure.kafka.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The Kafka ingress, on instances with the {@code command} role where {@code spring.kafka.bootstrap-servers} is set:
 * the topics, the consumer of the actions topic (unless {@code leaderboard.kafka.consumer.enabled=false}) and, with
 * {@code leaderboard.ingress=kafka}, the REST endpoints' {@link ActionIngress} that queues actions on Kafka. Without
 * Kafka configured the server runs as before (direct ingress, no consumer).
 * <p>
 * Its clients are its own (byte-array keys and values, settings that delivery and answers depend on), built from
 * Spring Boot's {@code spring.kafka.*} connection and security settings; they are not beans, so Spring Boot's own
 * Kafka template and factories stay as they are for other uses.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class, before = CommandSideAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnRole(Role.COMMAND)
@EnableConfigurationProperties({KafkaIngressProperties.class, KafkaProperties.class})
public class KafkaIngressAutoConfiguration {

    /** Stops the start-up on an unknown {@code leaderboard.ingress}, or on {@code kafka} without a broker. */
    @Bean
    public IngressMode ingressMode(Environment environment) {
        IngressMode mode = OnKafkaIngressMode.mode(Binder.get(environment));
        if (mode == IngressMode.KAFKA && !environment.containsProperty("spring.kafka.bootstrap-servers")) {
            throw new IllegalStateException("leaderboard.ingress=kafka needs spring.kafka.bootstrap-servers "
                    + "(SPRING_KAFKA_BOOTSTRAP_SERVERS)");
        }
        return mode;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("spring.kafka.bootstrap-servers")
    static class Clients {

        @Bean(destroyMethod = "destroy")
        public IngressKafka ingressKafka(KafkaProperties kafka, ObjectProvider<SslBundles> sslBundles,
                                         ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers,
                                         KafkaIngressProperties properties) {
            Duration timeout = properties.producer().sendTimeout();
            Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties(sslBundles.getIfAvailable()));
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            // One send is bounded by max.block.ms (metadata, buffer) + delivery.timeout.ms (acknowledgement).
            int block = (int) Math.max(100, timeout.toMillis() / 4);
            int linger = config.get(ProducerConfig.LINGER_MS_CONFIG) == null ? 0
                    : Integer.parseInt(config.get(ProducerConfig.LINGER_MS_CONFIG).toString());
            int delivery = (int) Math.max(linger + 100, timeout.toMillis() - block);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, block);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, delivery);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, delivery - linger);
            config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "leaderboard-ingress-producer");
            DefaultKafkaProducerFactory<byte[], byte[]> factory = new DefaultKafkaProducerFactory<>(config);
            factory.setBeanName("leaderboardIngressProducerFactory");
            factory.setPhysicalCloseTimeout((int) Math.max(1, timeout.toSeconds() + 1));
            customizers.orderedStream().forEach(c -> c.customize(factory));
            return new IngressKafka(factory, new KafkaTemplate<>(factory), timeout);
        }

        @Bean
        @ConditionalOnProperty(prefix = "leaderboard.kafka.topics", name = "create", matchIfMissing = true)
        public KafkaAdmin.NewTopics leaderboardIngressTopics(KafkaIngressProperties properties) {
            KafkaIngressProperties.Topics topics = properties.topics();
            return new KafkaAdmin.NewTopics(topic(topics.actions(), topics), topic(topics.deadLetters(), topics),
                    topic(topics.outcomes(), topics));
        }

        private static NewTopic topic(String name, KafkaIngressProperties.Topics topics) {
            TopicBuilder builder = TopicBuilder.name(name).partitions(topics.partitions());
            if (topics.replicas() != null) {
                builder.replicas(topics.replicas());
            }
            return builder.build();
        }

        /** Registered before {@code CommandSideAutoConfiguration}, whose direct ingress then steps back. */
        @Bean
        @Conditional(OnKafkaIngressMode.class)
        public ActionIngress kafkaActionIngress(IngressKafka kafka, KafkaIngressProperties properties,
                                                ObjectMapper json, ProcessedActions processedActions,
                                                ActionTypes actionTypes, LeaderboardCatalog leaderboards) {
            return new KafkaActionIngress(kafka.template(), properties.topics().actions(), kafka.sendTimeout(),
                    json, processedActions, actionTypes, leaderboards);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("spring.kafka.bootstrap-servers")
    @ConditionalOnProperty(prefix = "leaderboard.kafka.consumer", name = "enabled", matchIfMissing = true)
    static class Consumer {

        /** The consumer of the actions topic; stop and start it through this bean. */
        @Bean
        public ConcurrentMessageListenerContainer<byte[], byte[]> actionIngressContainer(
                KafkaProperties kafka, ObjectProvider<SslBundles> sslBundles,
                ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> customizers, KafkaIngressProperties properties,
                IngressKafka clients, GroupCommitter committer, ObjectMapper json, Validator validator,
                ObjectProvider<MeterRegistry> meters) {
            KafkaIngressProperties.Consumer settings = properties.consumer();
            Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties(sslBundles.getIfAvailable()));
            config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            // a new group starts at the beginning: records queued before any instance consumed are not skipped
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            DefaultKafkaConsumerFactory<byte[], byte[]> factory = new DefaultKafkaConsumerFactory<>(config);
            factory.setBeanName("leaderboardIngressConsumerFactory");
            customizers.orderedStream().forEach(c -> c.customize(factory));

            String deadLetterTopic = properties.topics().deadLetters();
            DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(clients.template(),
                    (record, e) -> new TopicPartition(deadLetterTopic, -1));
            deadLetters.setWaitForSendResultTimeout(clients.sendTimeout());
            deadLetters.setTimeoutBuffer(1000);
            deadLetters.setHeadersFunction((record, e) -> {
                RecordHeaders headers = new RecordHeaders();
                if (e.getCause() instanceof RejectedRecordException rejected) {
                    headers.add(new DeadLetterPublishingRecoverer.SingleRecordHeader(IngressHeaders.REASON,
                            rejected.rejection().reason().getBytes(StandardCharsets.UTF_8)));
                }
                return headers;
            });

            ActionRecordListener listener = new ActionRecordListener(committer,
                    new ActionRecordReader(json, validator, settings.maxValueBytes()), deadLetters,
                    clients.template(), properties.topics().outcomes(), clients.sendTimeout(), json,
                    meters.getIfAvailable(SimpleMeterRegistry::new));

            ContainerProperties container = new ContainerProperties(properties.topics().actions());
            container.setAckMode(ContainerProperties.AckMode.BATCH);
            container.setMessageListener(listener);
            container.setClientId("leaderboard-ingress");
            ConcurrentMessageListenerContainer<byte[], byte[]> listenerContainer =
                    new ConcurrentMessageListenerContainer<>(factory, container);
            listenerContainer.setConcurrency(Math.max(1, settings.concurrency()));
            listenerContainer.setCommonErrorHandler(retryUntilDecided(settings));
            listenerContainer.setAutoStartup(settings.autoStartup());
            return listenerContainer;
        }

        @Bean
        public KafkaIngressAdminController kafkaIngressAdminController(
                ConcurrentMessageListenerContainer<byte[], byte[]> actionIngressContainer) {
            return new KafkaIngressAdminController(actionIngressContainer);
        }

        /**
         * A batch that failed (database unavailable, a record not decided, a send not acknowledged) is tried again,
         * whole, with a growing pause and without limit, while the consumer stays paused and polling (it keeps its
         * partitions; nothing further is fetched). A record is never skipped: the recoverer, which only a
         * non-retryable classification could reach, refuses.
         */
        private static DefaultErrorHandler retryUntilDecided(KafkaIngressProperties.Consumer settings) {
            ExponentialBackOff backOff = new ExponentialBackOff(settings.retryInitialInterval().toMillis(), 2.0);
            backOff.setMaxInterval(Math.max(settings.retryInitialInterval().toMillis(),
                    settings.retryMaxInterval().toMillis()));
            DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> {
                throw new IllegalStateException("an ingress record is never skipped", e);
            }, backOff);
            handler.setClassifications(Map.of(), true);
            return handler;
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(HealthIndicator.class)
        static class Health {

            @Bean(destroyMethod = "close")
            public KafkaIngressHealthIndicator kafkaIngressHealthIndicator(
                    KafkaProperties kafka, ObjectProvider<SslBundles> sslBundles, KafkaIngressProperties properties) {
                return new KafkaIngressHealthIndicator(kafka.buildAdminProperties(sslBundles.getIfAvailable()),
                        properties.topics().actions(), properties.consumer().groupId());
            }
        }
    }
}
