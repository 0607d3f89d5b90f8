package dev.leaderboard.command.ingress;

import dev.leaderboard.command.batching.CoalescingSubmitter;
import dev.leaderboard.command.batching.CommandsOverloadedException;
import dev.leaderboard.command.batching.GroupCommitter;
import dev.leaderboard.command.batching.Submission;
import dev.leaderboard.command.batching.SubmissionResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The default ingress: single requests are coalesced with concurrent ones into group commits; a batch request is one
 * group commit (in slices of at most {@code maxBatch}). Answers only once the events are committed.
 */
public class DirectIngress implements ActionIngress {

    private final CoalescingSubmitter coalescer;
    private final GroupCommitter committer;
    private final int maxBatch;
    private final Duration answerTimeout;

    public DirectIngress(CoalescingSubmitter coalescer, GroupCommitter committer, int maxBatch,
                         Duration answerTimeout) {
        this.coalescer = coalescer;
        this.committer = committer;
        this.maxBatch = Math.max(1, maxBatch);
        this.answerTimeout = answerTimeout;
    }

    @Override
    public SubmissionResult submit(Submission submission) {
        try {
            return coalescer.submit(submission).get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            // Its batch may still commit: the client learns the outcome by sending the same action again.
            throw new CommandsOverloadedException("the action was not stored within " + answerTimeout.toMillis()
                    + " ms; send it again to learn its outcome");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandsOverloadedException("interrupted while waiting for the action to be stored");
        }
    }

    @Override
    public List<SubmissionResult> submitAll(List<Submission> submissions) {
        List<SubmissionResult> results = new ArrayList<>(submissions.size());
        for (int from = 0; from < submissions.size(); from += maxBatch) {
            results.addAll(committer.submitAll(submissions.subList(from,
                    Math.min(submissions.size(), from + maxBatch))));
        }
        return results;
    }
}
