package dev.leaderboard.projections.periods.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.events.PeriodClosed;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Publishes every {@link PeriodClosed} on {@code leaderboard.period-results}, key = board id, header {@code event-id}
 * = the Axon event id. Runs in a tracking processor of its own: its token moves only after the broker acknowledged
 * the record, so an outage delays publication (the processor retries with back-off) and never loses one; a record
 * can be published twice (at least once), consumers deduplicate by {@code event-id} or by board, window and period.
 */
@ProcessingGroup(PeriodResultsPublisher.PROCESSING_GROUP)
public class PeriodResultsPublisher {

    public static final String PROCESSING_GROUP = "period-results";
    public static final String EVENT_ID_HEADER = "event-id";

    private final KafkaTemplate<String, String> kafka;
    private final String topic;
    private final Duration sendTimeout;
    private final ObjectMapper json;

    public PeriodResultsPublisher(KafkaTemplate<String, String> kafka, String topic, Duration sendTimeout,
                                  ObjectMapper json) {
        this.kafka = kafka;
        this.topic = topic;
        this.sendTimeout = sendTimeout;
        this.json = json;
    }

    @EventHandler
    void on(PeriodClosed event, @MessageIdentifier String eventId) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.leaderboardId(),
                json.writeValueAsString(PeriodResultMessage.of(event)));
        record.headers().add(EVENT_ID_HEADER, eventId.getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
