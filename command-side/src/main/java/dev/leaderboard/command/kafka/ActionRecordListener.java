package dev.leaderboard.command.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leaderboard.command.actions.RequestMetadata;
import dev.leaderboard.command.batching.GroupCommitter;
import dev.leaderboard.command.batching.Submission;
import dev.leaderboard.command.batching.SubmissionResult;
import dev.leaderboard.command.batching.TransientFailures;
import dev.leaderboard.command.scoring.ActionOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchConsumerAwareMessageListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.SendResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Decides one poll batch of the actions topic as one group commit, then publishes every record's outcome and
 * dead-letters the records that can never succeed, all before the container commits the batch's offsets
 * (AckMode.BATCH, after this method returns). Anything that goes wrong before that (the database unavailable, a
 * record that could not be decided, a send that failed) is thrown: the container's error handler pauses the consumer
 * and calls this again with the same batch, after a back-off, until it succeeds. A batch decided again is harmless:
 * the ledger answers its accepted actions {@code duplicate}.
 */
final class ActionRecordListener implements BatchConsumerAwareMessageListener<byte[], byte[]> {

    private static final Logger log = LoggerFactory.getLogger(ActionRecordListener.class);
    /** Extra rounds for records whose decision failed unexpectedly (e.g. every conflict retry lost) in a batch. */
    private static final int ITEM_ROUNDS = 3;

    private final GroupCommitter committer;
    private final ActionRecordReader reader;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final KafkaTemplate<byte[], byte[]> template;
    private final String outcomesTopic;
    private final Duration sendTimeout;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    ActionRecordListener(GroupCommitter committer, ActionRecordReader reader, DeadLetterPublishingRecoverer deadLetters,
                         KafkaTemplate<byte[], byte[]> template, String outcomesTopic, Duration sendTimeout,
                         ObjectMapper json, MeterRegistry meters) {
        this.committer = committer;
        this.reader = reader;
        this.deadLetters = deadLetters;
        this.template = template;
        this.outcomesTopic = outcomesTopic;
        this.sendTimeout = sendTimeout;
        this.json = json;
        this.meters = meters;
    }

    @Override
    public void onMessage(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer) {
        List<ActionRecordReader.Read> reads = new ArrayList<>(records.size());
        List<Submission> submissions = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            ActionRecordReader.Read read = reader.read(record);
            reads.add(read);
            if (read instanceof ActionRecordReader.Valid valid) {
                submissions.add(valid.submission());
            }
        }
        List<SubmissionResult> results = decide(submissions);

        String groupId = consumer.groupMetadata().groupId();
        List<CompletableFuture<SendResult<byte[], byte[]>>> sends = new ArrayList<>(records.size());
        int decided = 0;
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<byte[], byte[]> record = records.get(i);
            ActionOutcome outcome = reads.get(i) instanceof ActionRecordReader.Refused refused ? refused.outcome()
                    : results.get(decided++).outcome();
            if (outcome.isRejected()) {
                // synchronous: throws if the broker did not take it, so the offsets are not committed
                deadLetters.accept(record, consumer, new ListenerExecutionFailedException(
                        "action record rejected (" + outcome.problem().reason() + ")", groupId,
                        new RejectedRecordException(outcome.problem())));
            }
            sends.add(send(outcomeRecord(record, outcome)));
            count(outcome);
        }
        awaitAll(sends);
    }

    /** One group commit, plus a few rounds for records whose decision failed; throws what must be retried later. */
    private List<SubmissionResult> decide(List<Submission> submissions) {
        List<SubmissionResult> results;
        try {
            results = new ArrayList<>(committer.submitAll(submissions));
            for (int round = 1; round <= ITEM_ROUNDS; round++) {
                List<Integer> failed = new ArrayList<>();
                for (int i = 0; i < results.size(); i++) {
                    if (results.get(i).failure() != null) {
                        failed.add(i);
                    }
                }
                if (failed.isEmpty()) {
                    return results;
                }
                log.debug("{} of {} ingress records could not be decided; round {} of {}", failed.size(),
                        submissions.size(), round, ITEM_ROUNDS);
                List<SubmissionResult> again = committer.submitAll(failed.stream().map(submissions::get).toList());
                for (int j = 0; j < failed.size(); j++) {
                    results.set(failed.get(j), again.get(j));
                }
            }
        } catch (RuntimeException e) {
            if (TransientFailures.isStorageUnavailable(e)) {
                log.warn("Kafka ingress paused: the database is unavailable ({}); the batch of {} records is tried"
                        + " again after a pause", e.getMessage(), submissions.size());
            }
            throw e;
        }
        for (SubmissionResult result : results) {
            if (result.failure() != null) {
                log.warn("Kafka ingress paused: an action could not be decided ({}); the batch is tried again after"
                        + " a pause", result.failure().toString());
                throw new KafkaException("an ingress record could not be decided", result.failure());
            }
        }
        return results;
    }

    private ProducerRecord<byte[], byte[]> outcomeRecord(ConsumerRecord<byte[], byte[]> record,
                                                        ActionOutcome outcome) {
        ObjectNode body = json.valueToTree(outcome);
        if (outcome.isRejected()) {
            body.put("reason", outcome.problem().reason());
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add(IngressHeaders.REQUEST_ID, ((String) ActionRecordReader.origin(record)
                .get(RequestMetadata.REQUEST_ID)).getBytes(StandardCharsets.UTF_8));
        try {
            // keyed like the record: by userId (a record whose key is not its userId is rejected as invalid)
            return new ProducerRecord<>(outcomesTopic, null, record.key(), json.writeValueAsBytes(body), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outcome could not be written as JSON", e);
        }
    }

    private CompletableFuture<SendResult<byte[], byte[]>> send(ProducerRecord<byte[], byte[]> record) {
        CompletableFuture<SendResult<byte[], byte[]>> sent = template.send(record);
        if (sent.isCompletedExceptionally()) {
            // the producer could not even take it (no metadata within max.block.ms): no point sending the rest
            awaitAll(List.of(sent));
        }
        return sent;
    }

    private void awaitAll(List<CompletableFuture<SendResult<byte[], byte[]>>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(sendTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaException("an outcome could not be published", e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("outcomes were not acknowledged within " + sendTimeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while publishing outcomes", e);
        }
    }

    private void count(ActionOutcome outcome) {
        String status = outcome.status().json();
        String reason = outcome.isRejected() ? outcome.problem().reason() : "none";
        counters.computeIfAbsent(status + "|" + reason, k -> Counter.builder("leaderboard.kafka.ingress.records")
                .description("Records consumed from the actions topic, by outcome (rejected ones are dead-lettered)")
                .tag("status", status).tag("reason", reason).register(meters)).increment();
    }
}
