package dev.leaderboard.server.reads;

import dev.leaderboard.projections.admin.ProjectionStatusReader;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.Tokens;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Submits actions and waits until the projection has applied them, so reads see them. */
final class ReadFixture {

    private ReadFixture() {
    }

    static void submit(Api api, String user, String actionId, String type) {
        assertThat(api.submitAction(Tokens.player(user), actionId, type).status()).isEqualTo(202);
    }

    static void awaitProjected(ServerInstance server) {
        awaitProjected(server.bean(ProjectionStatusReader.class));
    }

    static void awaitProjected(ProjectionStatusReader status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> status.standings().lag() == 0);
    }
}
