package dev.leaderboard.projections.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Revision;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The outbound processor's one handler: every event {@link OutboundEvents} lists becomes a record; a batch's records
 * are sent, and all acknowledged, just before the processor's transaction (which stores its token) commits. A send
 * that fails fails the batch: the token stays, and the processor tries the batch again later (at least once).
 */
@ProcessingGroup(ScoreEventsPublisher.PROCESSING_GROUP)
public class ScoreEventsPublisher {

    public static final String PROCESSING_GROUP = "outbound-score-events";
    private static final String BATCH = ScoreEventsPublisher.class.getName() + ".batch";

    private final OutboundEvents events;
    private final OutboundSender sender;
    private final String topic;
    private final ObjectMapper json;

    public ScoreEventsPublisher(OutboundEvents events, OutboundSender sender, String topic, ObjectMapper json) {
        this.events = events;
        this.sender = sender;
        this.topic = topic;
        this.json = json;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) throws JsonProcessingException {
        String key = events.keyOf(event).orElse(null);
        if (key != null) {
            batch().add(record(key, event, message));
        }
    }

    private ProducerRecord<byte[], byte[]> record(String key, Object event, EventMessage<?> message)
            throws JsonProcessingException {
        String type = event.getClass().getSimpleName();
        Revision revision = event.getClass().getAnnotation(Revision.class);
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        OptionalLong position = message instanceof TrackedEventMessage<?> tracked
                ? tracked.trackingToken().position() : OptionalLong.empty();
        ScoreEventRecord value = new ScoreEventRecord(ScoreEventRecord.VERSION, type,
                revision == null ? null : revision.value(), message.getIdentifier(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(),
                position.isPresent() ? position.getAsLong() : null, message.getTimestamp(), event);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, bytes(key), json.writeValueAsBytes(value));
        record.headers().add(OutboundHeaders.EVENT_ID, bytes(message.getIdentifier()));
        record.headers().add(OutboundHeaders.EVENT_TYPE, bytes(type));
        return record;
    }

    private List<ProducerRecord<byte[], byte[]>> batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> sender.sendAll(records));
            return records;
        });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
