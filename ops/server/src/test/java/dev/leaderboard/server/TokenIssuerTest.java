package dev.leaderboard.server;

import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** With an issuer and audience configured, tokens the identity provider signed for other applications are refused. */
class TokenIssuerTest {

    @Test
    void tokensMustComeFromTheConfiguredIssuerForThisAudience() {
        try (ServerInstance server = ServerInstance.start(TestPostgres.newDatabaseUrl(),
                "leaderboard.jwt.issuer=https://id.example.test", "leaderboard.jwt.audience=leaderboard")) {
            String right = Tokens.player("ivy", "https://id.example.test", "leaderboard");
            String otherAudience = Tokens.player("ivy", "https://id.example.test", "billing");
            String otherIssuer = Tokens.player("ivy", "https://evil.example.test", "leaderboard");
            String neither = Tokens.player("ivy", null, null);

            assertThat(server.api().submitAction(right, "a-1", "quiz-completed").status()).isEqualTo(202);
            assertThat(server.api().submitAction(otherAudience, "a-2", "quiz-completed").status()).isEqualTo(401);
            assertThat(server.api().submitAction(otherIssuer, "a-3", "quiz-completed").status()).isEqualTo(401);
            assertThat(server.api().submitAction(neither, "a-4", "quiz-completed").status()).isEqualTo(401);
        }
    }
}
