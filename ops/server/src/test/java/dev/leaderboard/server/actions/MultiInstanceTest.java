package dev.leaderboard.server.actions;

import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.leaderboard.server.actions.ConcurrentSubmissionTest.runConcurrently;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command instances on one database, each with its own aggregate cache: every write through one makes the
 * other's cached player stale, so appends conflict on the sequence number. Conflicts must be retried, never lost
 * or shown to the client.
 */
class MultiInstanceTest {

    @Test
    void concurrentSubmissionsForOnePlayerThroughTwoInstancesLoseNothing() throws Exception {
        String database = TestPostgres.newDatabaseUrl();
        try (ServerInstance first = ServerInstance.start(database);
             ServerInstance second = ServerInstance.start(database)) {
            List<Api> instances = List.of(first.api(), second.api());
            String user = "shared-player";
            String token = Tokens.player(user);
            int threads = 8;
            int actionsPerThread = 50;

            List<Integer> statuses = runConcurrently(threads, thread -> {
                List<Integer> seen = new java.util.ArrayList<>();
                for (int i = 0; i < actionsPerThread; i++) {
                    Api api = instances.get((thread + i) % 2);
                    seen.add(api.submitAction(token, "t" + thread + "-a" + i, "quiz-completed").status());
                }
                return seen;
            });

            assertThat(statuses).hasSize(threads * actionsPerThread).containsOnly(202);
            assertThat(first.rows().eventsOf(user)).isEqualTo(threads * actionsPerThread);
            assertThat(first.rows().latestAllTimeTotalOf(user, "global")).isEqualTo(threads * actionsPerThread * 10L);
        }
    }

    @Test
    void duplicateThroughTheOtherInstanceIsStillADuplicate() {
        String database = TestPostgres.newDatabaseUrl();
        try (ServerInstance first = ServerInstance.start(database);
             ServerInstance second = ServerInstance.start(database)) {
            String token = Tokens.player("alice");

            assertThat(first.api().submitAction(token, "a-1", "level-up").status()).isEqualTo(202);
            assertThat(second.api().submitAction(token, "a-1", "level-up").status()).isEqualTo(200);
            assertThat(second.api().submitAction(token, "a-2", "level-up").status()).isEqualTo(202);
            assertThat(first.api().submitAction(token, "a-3", "level-up").status()).isEqualTo(202);

            assertThat(first.rows().eventsOf("alice")).isEqualTo(3);
            assertThat(first.rows().latestAllTimeTotalOf("alice", "global")).isEqualTo(75);
        }
    }

    @Test
    void duplicateStormForANewPlayerThroughTwoInstancesIsCountedOnce() throws Exception {
        String database = TestPostgres.newDatabaseUrl();
        try (ServerInstance first = ServerInstance.start(database);
             ServerInstance second = ServerInstance.start(database)) {
            List<Api> instances = List.of(first.api(), second.api());
            for (int round = 0; round < 5; round++) {
                String user = "newcomer-" + round;
                String token = Tokens.player(user);

                List<Integer> statuses = runConcurrently(10,
                        thread -> List.of(instances.get(thread % 2).submitAction(token, "same", "level-up").status()));

                assertThat(statuses).filteredOn(s -> s == 202).hasSize(1);
                assertThat(statuses).filteredOn(s -> s == 200).hasSize(9);
                assertThat(first.rows().eventsOf(user)).isEqualTo(1);
            }
        }
    }
}
