package dev.leaderboard.command.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.command.actions.RequestMetadata;
import dev.leaderboard.command.batching.Submission;
import dev.leaderboard.command.batching.SubmissionResult;
import dev.leaderboard.command.ingress.ActionIngress;
import dev.leaderboard.command.ingress.IngressUnavailableException;
import dev.leaderboard.command.leaderboards.LeaderboardCatalog;
import dev.leaderboard.command.scoring.ActionOutcome;
import dev.leaderboard.command.scoring.ActionTypes;
import dev.leaderboard.command.scoring.ProcessedAction;
import dev.leaderboard.command.scoring.ProcessedActions;
import dev.leaderboard.command.scoring.ProcessedActions.ActionKey;
import dev.leaderboard.command.scoring.Rejection;
import dev.leaderboard.command.scoring.SubmitAction;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Kafka ingress mode ({@code LEADERBOARD_INGRESS=kafka}): each validated, authorised action is produced to the
 * actions topic (key = userId) and answered {@code queued} once the broker has acknowledged it (idempotent producer,
 * {@code acks=all}); the consumer decides it later. What is known here is answered at once: an action already in
 * the ledger is {@code duplicate} (or a conflict), an unknown type or board is rejected. When the broker does not
 * acknowledge within the send timeout, nothing is queued as far as the client knows: a 503 asks it to send again,
 * which is safe (a record that reached the broker after all is a duplicate then).
 */
public class KafkaActionIngress implements ActionIngress {

    private static final Logger log = LoggerFactory.getLogger(KafkaActionIngress.class);
    /** After a failed ledger look-up, how long actions are queued without one. */
    private static final Duration LOOK_UP_PAUSE = Duration.ofSeconds(5);

    private final KafkaTemplate<byte[], byte[]> template;
    private final String topic;
    private final Duration sendTimeout;
    private final ObjectMapper json;
    private final ProcessedActions ledger;
    private final ActionTypes actionTypes;
    private final LeaderboardCatalog leaderboards;
    private volatile long lookUpsSkippedUntil = System.nanoTime();

    public KafkaActionIngress(KafkaTemplate<byte[], byte[]> template, String topic, Duration sendTimeout,
                              ObjectMapper json, ProcessedActions ledger, ActionTypes actionTypes,
                              LeaderboardCatalog leaderboards) {
        this.template = template;
        this.topic = topic;
        this.sendTimeout = sendTimeout;
        this.json = json;
        this.ledger = ledger;
        this.actionTypes = actionTypes;
        this.leaderboards = leaderboards;
    }

    @Override
    public SubmissionResult submit(Submission submission) {
        return submitAll(List.of(submission)).getFirst();
    }

    /**
     * @throws IngressUnavailableException when the broker took none of the actions that were to be queued
     */
    @Override
    public List<SubmissionResult> submitAll(List<Submission> submissions) {
        Map<ActionKey, Optional<ProcessedAction>> earlier = lookUp(submissions);
        SubmissionResult[] results = new SubmissionResult[submissions.size()];
        @SuppressWarnings("unchecked")
        CompletableFuture<SendResult<byte[], byte[]>>[] sends = new CompletableFuture[submissions.size()];
        long[] points = new long[submissions.size()];
        int queued = 0;
        for (int i = 0; i < submissions.size(); i++) {
            SubmitAction action = submissions.get(i).command();
            Optional<ProcessedAction> before = earlier.getOrDefault(
                    new ActionKey(action.userId(), action.actionId()), Optional.empty());
            Optional<Long> worth = actionTypes.pointsFor(action.type());
            if (before.isPresent()) {
                results[i] = SubmissionResult.of(answerTo(action, before.get()));
            } else if (worth.isEmpty()) {
                results[i] = SubmissionResult.of(ActionOutcome.rejected(action,
                        Rejection.unknownActionType(action.type())));
            } else if (!knownBoard(action.leaderboardId())) {
                results[i] = SubmissionResult.of(ActionOutcome.rejected(action,
                        Rejection.unknownLeaderboard(action.leaderboardId())));
            } else {
                points[i] = worth.get();
                sends[i] = send(submissions.get(i));
                queued++;
            }
        }
        if (queued == 0) {
            return List.of(results);
        }
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        RuntimeException lastFailure = null;
        int failed = 0;
        for (int i = 0; i < submissions.size(); i++) {
            if (sends[i] == null) {
                continue;
            }
            try {
                sends[i].get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                results[i] = SubmissionResult.of(ActionOutcome.queued(submissions.get(i).command(), points[i]));
            } catch (ExecutionException | TimeoutException e) {
                lastFailure = new IngressUnavailableException("Kafka did not acknowledge the action within "
                        + sendTimeout.toMillis() + " ms", e instanceof ExecutionException ? e.getCause() : e);
                results[i] = SubmissionResult.failed(lastFailure);
                failed++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IngressUnavailableException("interrupted while queueing the action", e);
            }
        }
        if (failed == queued) {
            log.warn("Kafka ingress unavailable: {} action(s) not queued ({})", failed,
                    lastFailure.getCause() == null ? lastFailure.getMessage() : lastFailure.getCause().toString());
            throw lastFailure;
        }
        return List.of(results);
    }

    private CompletableFuture<SendResult<byte[], byte[]>> send(Submission submission) {
        SubmitAction action = submission.command();
        RecordHeaders headers = new RecordHeaders();
        MetaData origin = submission.metaData();
        header(headers, IngressHeaders.REQUEST_ID, origin.get(RequestMetadata.REQUEST_ID));
        header(headers, IngressHeaders.SUBMITTED_BY, origin.get(RequestMetadata.SUBMITTED_BY));
        header(headers, IngressHeaders.CLIENT_IP, origin.get(RequestMetadata.CLIENT_IP));
        header(headers, IngressHeaders.USER_AGENT, origin.get(RequestMetadata.USER_AGENT));
        header(headers, IngressHeaders.TRACE_ID, origin.get(RequestMetadata.TRACE_ID));
        header(headers, IngressHeaders.SPAN_ID, origin.get(RequestMetadata.SPAN_ID));
        byte[] value;
        try {
            value = json.writeValueAsBytes(ActionRecord.of(action));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an action could not be written as JSON", e);
        }
        try {
            return template.send(new ProducerRecord<>(topic, null, action.userId().getBytes(StandardCharsets.UTF_8),
                    value, headers));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void header(RecordHeaders headers, String name, Object value) {
        if (value != null) {
            headers.add(name, value.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static ActionOutcome answerTo(SubmitAction action, ProcessedAction earlier) {
        if (earlier.actionType().equals(action.type()) && earlier.leaderboardId().equals(action.leaderboardId())) {
            return new ActionOutcome(earlier.actionId(), earlier.userId(), earlier.leaderboardId(),
                    earlier.actionType(), earlier.points(), ActionOutcome.Status.DUPLICATE, null);
        }
        return ActionOutcome.rejected(action, Rejection.conflict(earlier));
    }

    private boolean knownBoard(String leaderboardId) {
        try {
            return leaderboards.exists(leaderboardId);
        } catch (RuntimeException e) {
            return true; // cannot tell now: queue it, the consumer decides
        }
    }

    /**
     * The ledger rows of these actions, in one query. If the database cannot answer, the actions are queued all
     * the same: the consumer answers duplicates when it decides them.
     */
    private Map<ActionKey, Optional<ProcessedAction>> lookUp(List<Submission> submissions) {
        Map<ActionKey, Optional<ProcessedAction>> found = new HashMap<>();
        if (System.nanoTime() - lookUpsSkippedUntil < 0) {
            return found;
        }
        List<ActionKey> keys = submissions.stream()
                .map(s -> new ActionKey(s.command().userId(), s.command().actionId())).toList();
        try {
            if (keys.size() == 1 || CurrentUnitOfWork.isStarted()) {
                keys.forEach(k -> found.put(k, ledger.find(k.userId(), k.actionId())));
                return found;
            }
            // The ledger batches look-ups per unit of work: one query for all of them, nothing written.
            UnitOfWork<?> scope = DefaultUnitOfWork.startAndGet(null);
            try {
                ledger.prefetch(keys);
                keys.forEach(k -> found.put(k, ledger.find(k.userId(), k.actionId())));
            } finally {
                scope.rollback();
            }
        } catch (RuntimeException e) {
            // the database is probably down: do not make every request wait for a connection meanwhile
            lookUpsSkippedUntil = System.nanoTime() + LOOK_UP_PAUSE.toNanos();
            log.debug("Ledger look-up failed; queueing without it", e);
            found.clear();
        }
        return found;
    }
}
