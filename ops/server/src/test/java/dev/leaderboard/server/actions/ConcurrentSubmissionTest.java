package dev.leaderboard.server.actions;

import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerTest;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentSubmissionTest extends ServerTest {

    @Test
    void thirtyTwoClientsTimesOneHundredActionsForOnePlayerLoseNothing() throws Exception {
        String user = newUserId();
        String token = Tokens.player(user);
        int threads = 32;
        int actionsPerThread = 100;

        List<Integer> statuses = runConcurrently(threads, thread -> {
            List<Integer> seen = new ArrayList<>();
            for (int i = 0; i < actionsPerThread; i++) {
                seen.add(api.submitAction(token, "t" + thread + "-a" + i, "quiz-completed").status());
            }
            return seen;
        });

        assertThat(statuses).hasSize(threads * actionsPerThread).containsOnly(202);
        assertThat(rows.eventsOf(user)).isEqualTo(threads * actionsPerThread);
        assertThat(rows.storedPointsOf(user)).isEqualTo(threads * actionsPerThread * 10L);
        assertThat(rows.latestAllTimeTotalOf(user, "global")).isEqualTo(threads * actionsPerThread * 10L);
        assertThat(rows.ledgerRowsOf(user)).isEqualTo(threads * actionsPerThread);
    }

    @Test
    void duplicateStormOfOneActionIdIsCountedOnce() throws Exception {
        String user = newUserId();
        String token = Tokens.player(user);
        String actionId = newActionId();

        List<Integer> statuses = runConcurrently(20,
                thread -> List.of(api.submitAction(token, actionId, "quiz-perfect-score").status()));

        assertThat(statuses).filteredOn(s -> s == 202).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(19);
        assertThat(rows.eventsOf(user)).isEqualTo(1);
        assertThat(rows.storedPointsOf(user)).isEqualTo(50);
    }

    interface ClientLoop {
        List<Integer> run(int thread) throws Exception;
    }

    /** Starts all clients at once (a latch, not a sleep) and collects every HTTP status they saw. */
    static List<Integer> runConcurrently(int threads, ClientLoop loop) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Integer>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<List<Integer>> client = () -> {
                    start.await();
                    return loop.run(thread);
                };
                futures.add(pool.submit(client));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<List<Integer>> future : futures) {
                statuses.addAll(future.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

}
