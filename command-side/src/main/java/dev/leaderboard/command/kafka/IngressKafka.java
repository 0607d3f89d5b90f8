package dev.leaderboard.command.kafka;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;

/**
 * The ingress's producer (idempotent, {@code acks=all}, bounded timeouts), shared by the REST ingress in Kafka mode
 * and by the consumer for outcomes and dead letters.
 *
 * @param sendTimeout longest wait for one send's acknowledgement
 */
public record IngressKafka(DefaultKafkaProducerFactory<byte[], byte[]> producerFactory,
                           KafkaTemplate<byte[], byte[]> template, Duration sendTimeout) {

    public void destroy() {
        producerFactory.destroy();
    }
}
