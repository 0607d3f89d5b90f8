package dev.leaderboard.command.kafka;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.leaderboard.command.actions.ActionItems;
import dev.leaderboard.command.actions.RequestMetadata;
import dev.leaderboard.command.actions.SubmitActionRequest;
import dev.leaderboard.command.batching.Submission;
import dev.leaderboard.command.scoring.ActionOutcome;
import dev.leaderboard.command.scoring.Rejection;
import dev.leaderboard.eventstore.TraceOrigin;
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.axonframework.messaging.MetaData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads one record of the actions topic with the REST body's rules: a value that is not a JSON object is
 * {@code malformed}; unknown fields, wrong types, invalid fields, a missing {@code userId} or a key other than the
 * {@code userId} are {@code invalid}. The origin comes from the record's headers.
 */
final class ActionRecordReader {

    static final String DEFAULT_SUBMITTER = "kafka";
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final int MAX_HEADER_CHARS = 512;

    private final ObjectMapper json;
    private final ObjectReader actions;
    private final Validator validator;
    private final int maxValueBytes;

    ActionRecordReader(ObjectMapper json, Validator validator, int maxValueBytes) {
        this.json = json;
        this.actions = json.readerFor(SubmitActionRequest.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.validator = validator;
        this.maxValueBytes = maxValueBytes;
    }

    /** What a record said: an action to decide, or the rejection it earned without being decided. */
    sealed interface Read permits Valid, Refused {
    }

    record Valid(Submission submission) implements Read {
    }

    record Refused(ActionOutcome outcome) implements Read {
    }

    Read read(ConsumerRecord<byte[], byte[]> record) {
        byte[] value = record.value();
        if (value == null || value.length == 0) {
            return refused(null, Rejection.malformed("the record has no value"));
        }
        if (value.length > maxValueBytes) {
            return refused(null, Rejection.invalid("the value has " + value.length + " bytes; at most "
                    + maxValueBytes + " are accepted"));
        }
        JsonNode tree;
        try {
            tree = json.readTree(value);
        } catch (IOException e) {
            return refused(null, Rejection.malformed("the value is not JSON"));
        }
        if (tree == null || !tree.isObject()) {
            return refused(tree, Rejection.malformed("the value is not a JSON object"));
        }
        SubmitActionRequest action;
        try {
            action = actions.readValue(tree);
        } catch (IOException | IllegalArgumentException e) {
            return refused(tree, ActionItems.unreadable(e));
        }
        Optional<Rejection> invalid = ActionItems.invalidFields(validator, action);
        if (invalid.isPresent()) {
            return refused(tree, invalid.get());
        }
        if (action.userId() == null) {
            return refused(tree, Rejection.invalid("userId is required"));
        }
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (!action.userId().equals(key)) {
            return refused(tree, Rejection.invalid("the record key must be the userId"));
        }
        // Producers on the actions topic are trusted services: their segment counts as stated.
        return new Valid(new Submission(action.toCommand(action.userId(), action.segment()), origin(record)));
    }

    /** The origin that travels onto the event, from the headers the REST ingress (or any producer) set. */
    static MetaData origin(ConsumerRecord<?, ?> record) {
        Map<String, String> values = new HashMap<>();
        String requestId = header(record, IngressHeaders.REQUEST_ID);
        values.put(RequestMetadata.REQUEST_ID, requestId != null && SAFE_REQUEST_ID.matcher(requestId).matches()
                ? requestId : coordinates(record));
        String submittedBy = header(record, IngressHeaders.SUBMITTED_BY);
        values.put(RequestMetadata.SUBMITTED_BY, submittedBy == null || submittedBy.isBlank() ? DEFAULT_SUBMITTER
                : submittedBy);
        String clientIp = header(record, IngressHeaders.CLIENT_IP);
        if (clientIp != null) {
            values.put(RequestMetadata.CLIENT_IP, clientIp);
        }
        String userAgent = header(record, IngressHeaders.USER_AGENT);
        if (userAgent != null) {
            values.put(RequestMetadata.USER_AGENT, userAgent);
        }
        String traceparent = header(record, IngressHeaders.TRACEPARENT);
        String traceId = traceparent != null ? RequestMetadata.traceIdOf(traceparent)
                : RequestMetadata.wellFormedTraceId(header(record, IngressHeaders.TRACE_ID));
        if (traceId != null) {
            values.put(RequestMetadata.TRACE_ID, traceId);
            TraceOrigin origin = traceparent != null ? TraceOrigin.ofTraceparent(traceparent)
                    : TraceOrigin.of(traceId, header(record, IngressHeaders.SPAN_ID));
            if (origin != null) {
                values.put(RequestMetadata.SPAN_ID, origin.spanId());
            }
        }
        return MetaData.from(values);
    }

    static String coordinates(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "-" + record.offset();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        String value = new String(header.value(), StandardCharsets.UTF_8);
        return value.length() > MAX_HEADER_CHARS ? value.substring(0, MAX_HEADER_CHARS) : value;
    }

    private static Refused refused(JsonNode tree, Rejection rejection) {
        return new Refused(ActionItems.rejected(tree, rejection));
    }

}
