package dev.leaderboard.server;

import dev.leaderboard.server.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outside the local profile the server refuses to start without a way to verify tokens. */
class StartupSafetyTest {

    @Test
    void serverWithoutJwtSecretOrJwkSetRefusesToStart() {
        assertThatThrownBy(() -> start("--leaderboard.jwt.secret="))
                .hasStackTraceContaining("LEADERBOARD_JWT_SECRET");
    }

    @Test
    void serverWithAShortSecretRefusesToStart() {
        assertThatThrownBy(() -> start("--leaderboard.jwt.secret=too-short"))
                .hasStackTraceContaining("at least 32 bytes");
    }

    private static void start(String secretArgument) {
        new SpringApplicationBuilder(LeaderboardServer.class)
                .run("--server.port=0", secretArgument,
                        "--spring.datasource.url=" + TestPostgres.newDatabaseUrl(),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres")
                .close();
    }
}
