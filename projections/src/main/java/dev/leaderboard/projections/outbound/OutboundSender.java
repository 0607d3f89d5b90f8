package dev.leaderboard.projections.outbound;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends a batch of records and waits until the broker has acknowledged every one of them (idempotent producer,
 * {@code acks=all}); throws if any is not acknowledged in time. Records of one key keep their order: the producer
 * sends them in order to one partition, and its idempotence keeps retries from reordering them.
 */
public class OutboundSender {

    private final KafkaTemplate<byte[], byte[]> template;
    private final Duration timeout;
    private final LongAdder published = new LongAdder();
    private final LongAdder failedBatches = new LongAdder();

    public OutboundSender(KafkaTemplate<byte[], byte[]> template, Duration timeout) {
        this.template = template;
        this.timeout = timeout;
    }

    public void sendAll(List<ProducerRecord<byte[], byte[]>> records) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CompletableFuture<SendResult<byte[], byte[]>>> sent = new ArrayList<>(records.size());
        try {
            for (ProducerRecord<byte[], byte[]> record : records) {
                sent.add(template.send(record));
            }
            for (CompletableFuture<SendResult<byte[], byte[]>> acknowledgement : sent) {
                acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(records, e);
        } catch (Exception e) {
            throw failed(records, e);
        }
        published.add(records.size());
    }

    private OutboundUnavailableException failed(List<?> records, Exception cause) {
        failedBatches.increment();
        return new OutboundUnavailableException(records.size() + " records were not all acknowledged", cause);
    }

    /** Records acknowledged, counting a record once per batch that published it (redeliveries included). */
    public double published() {
        return published.sum();
    }

    public double failedBatches() {
        return failedBatches.sum();
    }

    /** Kafka did not take a batch; the processor keeps its token and tries the batch again. */
    public static class OutboundUnavailableException extends RuntimeException {
        OutboundUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
