package dev.leaderboard.command.ingress;

import dev.leaderboard.command.batching.Submission;
import dev.leaderboard.command.batching.SubmissionResult;

import java.util.List;

/**
 * Where the REST endpoints hand validated, authorised actions: decided and committed now ({@link DirectIngress}), or
 * queued on Kafka to be decided by the consumer ({@code LEADERBOARD_INGRESS=kafka}).
 */
public interface ActionIngress {

    /** Blocks until the action is committed (or durably queued), and returns its outcome. */
    SubmissionResult submit(Submission submission);

    /** The same for many actions at once; one result per submission, in order. */
    List<SubmissionResult> submitAll(List<Submission> submissions);
}
