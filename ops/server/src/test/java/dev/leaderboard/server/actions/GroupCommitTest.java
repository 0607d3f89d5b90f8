package dev.leaderboard.server.actions;

import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static dev.leaderboard.server.actions.ConcurrentSubmissionTest.runConcurrently;
import static org.assertj.core.api.Assertions.assertThat;

/** Several players' commands share one transaction; a batch that fails as a whole is decided again one by one. */
class GroupCommitTest {

    @Test
    void concurrentSingleRequestsAreCoalescedIntoSharedTransactions() throws Exception {
        String database = TestPostgres.newDatabaseUrl();
        // One worker lingering long enough that requests released together meet in one batch.
        try (ServerInstance server = ServerInstance.start(database, "leaderboard.commands.batching.workers=1",
                "leaderboard.commands.batching.linger=500ms")) {
            int players = 12;
            List<String> users = IntStream.range(0, players).mapToObj(i -> "coalesced-" + i).toList();

            List<Integer> statuses = runConcurrently(players, thread -> List.of(server.api()
                    .submitAction(Tokens.player(users.get(thread)), "a-" + thread, "quiz-completed").status()));

            assertThat(statuses).hasSize(players).containsOnly(202);
            users.forEach(u -> assertThat(server.rows().eventsOf(u)).isEqualTo(1));
            assertThat(server.rows().transactionsThatWroteEventsOf(users)).isLessThan(players);
        }
    }

    @Test
    void batchThatConflictsWithAnotherInstanceIsDecidedOneByOneAndLosesNothing() {
        String database = TestPostgres.newDatabaseUrl();
        try (ServerInstance first = ServerInstance.start(database);
             ServerInstance second = ServerInstance.start(database)) {
            String service = Tokens.service("game-backend");
            // The first instance caches "stale" at its first event; the second then appends the next one.
            assertThat(first.api().submit(service, action("stale", "s-1")).status()).isEqualTo(202);
            assertThat(second.api().submit(service, action("stale", "s-2")).status()).isEqualTo(202);

            Api.Response response = first.api().submitBatch(service, "{\"actions\":[" + action("fresh-a", "f-1")
                    + "," + action("stale", "s-3") + "," + action("fresh-b", "f-2") + "]}");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("results").findValuesAsText("status"))
                    .containsExactly("accepted", "accepted", "accepted");
            assertThat(first.rows().eventsOf("stale")).isEqualTo(3);
            assertThat(first.rows().latestAllTimeTotalOf("stale", "global")).isEqualTo(30);
            assertThat(first.rows().eventsOf("fresh-a")).isEqualTo(1);
            assertThat(first.rows().eventsOf("fresh-b")).isEqualTo(1);
            assertThat(first.rows().ledgerRowsOf("stale")).isEqualTo(3);
        }
    }

    private static String action(String userId, String actionId) {
        return "{\"actionId\":\"" + actionId + "\",\"type\":\"quiz-completed\",\"userId\":\"" + userId + "\"}";
    }
}
