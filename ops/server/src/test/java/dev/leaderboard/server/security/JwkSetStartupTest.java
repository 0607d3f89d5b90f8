package dev.leaderboard.server.security;

import dev.leaderboard.server.LeaderboardServer;
import dev.leaderboard.server.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With keys from an identity provider (a JWK set URI), the server starts only if it knows issuer and audience. */
class JwkSetStartupTest {

    private static final String JWKS = "--leaderboard.jwt.jwk-set-uri=https://id.example.test/.well-known/jwks.json";

    @Test
    void serverWithAJwkSetButNoIssuerOrAudienceRefusesToStart() {
        assertThatThrownBy(() -> start(JWKS))
                .hasStackTraceContaining("LEADERBOARD_JWT_ISSUER and LEADERBOARD_JWT_AUDIENCE are required")
                .hasStackTraceContaining("missing: issuer and audience");
    }

    @Test
    void aJwkSetWithOnlyOneOfIssuerAndAudienceIsRefused() {
        assertThatThrownBy(() -> JwtDecoders.from(jwkSet("https://id.example.test", null)))
                .hasMessageContaining("missing: audience)");
        assertThatThrownBy(() -> JwtDecoders.from(jwkSet(null, "leaderboard")))
                .hasMessageContaining("missing: issuer)");
    }

    @Test
    void aJwkSetWithIssuerAndAudienceBuildsAVerifier() {
        assertThat(JwtDecoders.from(jwkSet("https://id.example.test", "leaderboard"))).isNotNull();
    }

    private static JwtProperties jwkSet(String issuer, String audience) {
        return new JwtProperties(null, "https://id.example.test/.well-known/jwks.json", issuer, audience, 0,
                Duration.ofMinutes(5), Duration.ofHours(24));
    }

    private static void start(String... arguments) {
        String[] all = new String[arguments.length + 4];
        all[0] = "--server.port=0";
        all[1] = "--spring.datasource.url=" + TestPostgres.newDatabaseUrl();
        all[2] = "--spring.datasource.username=postgres";
        all[3] = "--spring.datasource.password=postgres";
        System.arraycopy(arguments, 0, all, 4, arguments.length);
        new SpringApplicationBuilder(LeaderboardServer.class).run(all).close();
    }
}
