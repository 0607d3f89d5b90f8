package dev.leaderboard.bench.reads;

import dev.leaderboard.bench.ingestion.KafkaFill;
import dev.leaderboard.bench.ingestion.KafkaScenario;
import dev.leaderboard.bench.load.ActionClient;
import dev.leaderboard.bench.load.Outcome;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;

/**
 * The read benchmark's write load through the Kafka ingress: one action per record on {@code leaderboard.actions}
 * (key = userId), with the fill's idempotent producer settings; an action counts as accepted once the broker
 * acknowledged it (the server then consumes it at its own pace, which the projection's lag shows).
 */
final class KafkaActions implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;

    KafkaActions(String bootstrap) {
        this.producer = new KafkaProducer<>(KafkaFill.producerProperties(bootstrap, "lz4"));
    }

    Outcome submit(String userId, String actionId) throws InterruptedException {
        String json = "{\"actionId\":\"" + actionId + "\",\"userId\":\"" + userId + "\",\"type\":\""
                + ActionClient.ACTION_TYPE + "\"}";
        try {
            producer.send(new ProducerRecord<>(KafkaScenario.TOPIC, userId.getBytes(StandardCharsets.UTF_8),
                    json.getBytes(StandardCharsets.UTF_8))).get();
            return Outcome.accepted("acked by Kafka");
        } catch (ExecutionException e) {
            return Outcome.failed(e, 1);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
