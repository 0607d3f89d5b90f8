package dev.leaderboard.command.batching;

import dev.leaderboard.command.scoring.ActionOutcome;
import dev.leaderboard.command.scoring.SubmitAction;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Group commit: decides many commands in one root unit of work and one database transaction. Each command runs in a
 * nested unit of work on the command bus (interceptors, correlation data and its own outcome as usual); the root
 * appends all their events in one JDBC batch and the ledger writes all their rows in one statement, then commits
 * once. Commands run in user-id order, so two batches on different threads take the players' locks in the same
 * order and cannot deadlock.
 * <p>
 * If the batch fails as a whole (another instance appended to one of its players first, or a handler failed), its
 * commands are decided again one by one, each in its own transaction with the usual conflict retries: the outcome
 * of every command is what handling it alone would have given. If the database is unreachable, the failure is thrown
 * instead, for the caller to back off.
 */
public class GroupCommitter {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);
    private static final Comparator<Integer> NO_ORDER = (a, b) -> 0;

    private final CommandBus commandBus;
    private final TransactionManager transactionManager;
    private final List<BatchPreparation> preparations;
    private final int maxAttempts;
    private final IntConsumer batchSizes;

    /** @param preparations run in order in each batch's transaction before its commands (e.g. ledger lookups) */
    public GroupCommitter(CommandBus commandBus, TransactionManager transactionManager,
                          List<BatchPreparation> preparations, int maxAttempts, IntConsumer batchSizes) {
        this.commandBus = commandBus;
        this.transactionManager = transactionManager;
        this.preparations = List.copyOf(preparations);
        this.maxAttempts = Math.max(1, maxAttempts);
        this.batchSizes = batchSizes;
    }

    /**
     * @return one result per submission, in submission order
     * @throws RuntimeException only when the database is unavailable ({@link TransientFailures#isStorageUnavailable});
     *                          nothing of the batch was written then
     */
    public List<SubmissionResult> submitAll(List<Submission> submissions) {
        if (submissions.isEmpty()) {
            return List.of();
        }
        if (submissions.size() == 1) {
            return List.of(submitAlone(submissions.getFirst()));
        }
        try {
            return inOneTransaction(submissions);
        } catch (RuntimeException e) {
            if (TransientFailures.isStorageUnavailable(e)) {
                throw e;
            }
            log.debug("A batch of {} commands failed as a whole ({}); deciding them one by one", submissions.size(),
                    e.toString());
            List<SubmissionResult> results = new ArrayList<>(submissions.size());
            for (Submission submission : submissions) {
                results.add(submitAlone(submission));
            }
            return results;
        }
    }

    private SubmissionResult submitAlone(Submission submission) {
        for (int attempt = 1; ; attempt++) {
            try {
                return inOneTransaction(List.of(submission)).getFirst();
            } catch (RuntimeException e) {
                if (TransientFailures.isStorageUnavailable(e)) {
                    throw e;
                }
                if (attempt >= maxAttempts || !TransientFailures.isConcurrentAppend(e)) {
                    return SubmissionResult.failed(e);
                }
                ConflictBackoff.pause(attempt);
            }
        }
    }

    private List<SubmissionResult> inOneTransaction(List<Submission> submissions) {
        if (CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("a command batch must be the root unit of work of its thread");
        }
        Integer[] order = new Integer[submissions.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, submissions.size() == 1 ? NO_ORDER
                : Comparator.comparing(i -> submissions.get(i).command().userId()));
        SubmissionResult[] results = new SubmissionResult[submissions.size()];

        UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(null);
        try {
            root.attachTransaction(transactionManager);
            List<SubmitAction> commands = submissions.stream().map(Submission::command).toList();
            preparations.forEach(preparation -> preparation.prepare(commands));
            for (int index : order) {
                results[index] = SubmissionResult.of(decide(submissions.get(index)));
            }
        } catch (RuntimeException e) {
            // attachTransaction rolls the unit of work back itself when no transaction can be started
            if (root.phase() == UnitOfWork.Phase.STARTED) {
                root.rollback(e);
            }
            throw e;
        }
        root.commit();
        batchSizes.accept(submissions.size());
        return Arrays.asList(results);
    }

    private ActionOutcome decide(Submission submission) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(submission.command())
                .andMetaData(submission.metaData());
        AtomicReference<CommandResultMessage<?>> answer = new AtomicReference<>();
        commandBus.dispatch(message, (command, result) -> answer.set(result));
        CommandResultMessage<?> result = answer.get();
        if (result == null) {
            throw new IllegalStateException("group commit needs a command bus that handles commands in the caller's"
                    + " thread (SimpleCommandBus)");
        }
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("command failed: " + failure, failure);
        }
        return (ActionOutcome) result.getPayload();
    }
}
