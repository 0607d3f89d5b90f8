package dev.leaderboard.command.batching;

import dev.leaderboard.command.actions.CommandProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Coalesces concurrent single submissions (one per HTTP request) into group-committed batches. Each player hashes to
 * one worker, so one player's commands never contend across workers. A worker takes what is queued, waits at most
 * {@code linger} for more (never past {@code maxSize}), commits them together and completes every submission's
 * future only after that commit.
 */
public class CoalescingSubmitter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CoalescingSubmitter.class);

    private final GroupCommitter committer;
    private final int maxSize;
    private final long lingerNanos;
    private final List<Worker> workers = new ArrayList<>();
    private volatile boolean closed;

    public CoalescingSubmitter(GroupCommitter committer, CommandProperties.Batching settings) {
        this.committer = committer;
        this.maxSize = Math.max(1, settings.maxSize());
        this.lingerNanos = settings.linger().toNanos();
        for (int i = 0; i < Math.max(1, settings.workers()); i++) {
            Worker worker = new Worker(new ArrayBlockingQueue<>(Math.max(1, settings.queueCapacity())));
            worker.thread = Thread.ofPlatform().name("command-batcher-" + i).daemon().start(worker::run);
            workers.add(worker);
        }
    }

    public CompletableFuture<SubmissionResult> submit(Submission submission) {
        Pending pending = new Pending(submission, new CompletableFuture<>());
        Worker worker = workers.get(Math.floorMod(submission.command().userId().hashCode(), workers.size()));
        if (closed || !worker.queue.offer(pending)) {
            pending.result.completeExceptionally(new CommandsOverloadedException(
                    closed ? "the server is shutting down" : "too many actions are waiting to be stored"));
        }
        return pending.result;
    }

    @Override
    public void close() {
        closed = true;
        workers.forEach(w -> w.thread.interrupt());
        for (Worker worker : workers) {
            try {
                worker.thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<Pending> left = new ArrayList<>();
            worker.queue.drainTo(left);
            left.forEach(p -> p.result.completeExceptionally(
                    new CommandsOverloadedException("the server is shutting down")));
        }
    }

    private record Pending(Submission submission, CompletableFuture<SubmissionResult> result) {
    }

    private final class Worker {
        final BlockingQueue<Pending> queue;
        Thread thread;

        Worker(BlockingQueue<Pending> queue) {
            this.queue = queue;
        }

        void run() {
            List<Pending> batch = new ArrayList<>(maxSize);
            while (!closed) {
                try {
                    collect(batch);
                } catch (InterruptedException e) {
                    if (batch.isEmpty()) {
                        return;
                    }
                }
                commit(batch);
                batch.clear();
            }
        }

        private void collect(List<Pending> batch) throws InterruptedException {
            batch.add(queue.take());
            long deadline = System.nanoTime() + lingerNanos;
            while (batch.size() < maxSize) {
                Pending next = queue.poll();
                if (next == null) {
                    long wait = deadline - System.nanoTime();
                    if (wait <= 0 || (next = queue.poll(wait, TimeUnit.NANOSECONDS)) == null) {
                        return;
                    }
                }
                batch.add(next);
            }
        }

        private void commit(List<Pending> batch) {
            try {
                List<SubmissionResult> results = committer.submitAll(batch.stream().map(Pending::submission)
                        .toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).result.complete(results.get(i));
                }
            } catch (RuntimeException e) {
                log.debug("A batch of {} commands could not be stored", batch.size(), e);
                batch.forEach(p -> p.result.completeExceptionally(e));
            }
        }
    }
}
