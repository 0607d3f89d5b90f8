package dev.leaderboard.projections.periods.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.events.PeriodClosed;
import dev.leaderboard.projections.outbound.OutboundHeaders;
import dev.leaderboard.projections.outbound.OutboundSender;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Publishes every {@link PeriodClosed} on {@code leaderboard.period-results}, key = board id, header
 * {@value OutboundHeaders#EVENT_ID} = the Axon event id. Runs in a tracking processor of its own: its token moves
 * only after the broker acknowledged the record ({@link OutboundSender}), so an outage delays publication (the
 * processor retries with back-off) and never loses one; a record can be published twice (at least once), consumers
 * deduplicate by {@code event-id} or by board, window and period.
 */
@ProcessingGroup(PeriodResultsPublisher.PROCESSING_GROUP)
public class PeriodResultsPublisher {

    public static final String PROCESSING_GROUP = "period-results";

    private final OutboundSender sender;
    private final String topic;
    private final ObjectMapper json;

    public PeriodResultsPublisher(OutboundSender sender, String topic, ObjectMapper json) {
        this.sender = sender;
        this.topic = topic;
        this.json = json;
    }

    @EventHandler
    void on(PeriodClosed event, @MessageIdentifier String eventId) throws JsonProcessingException {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic,
                event.leaderboardId().getBytes(StandardCharsets.UTF_8),
                json.writeValueAsBytes(PeriodResultMessage.of(event)));
        record.headers().add(OutboundHeaders.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
        sender.sendAll(List.of(record));
    }
}
