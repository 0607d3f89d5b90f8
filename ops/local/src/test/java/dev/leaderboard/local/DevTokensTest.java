package dev.leaderboard.local;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code leaderboard-local.jar token …}: development tokens as the local server verifies them. */
class DevTokensTest {

    private static Jwt decode(String token, String secret) {
        return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8),
                "HmacSHA256")).macAlgorithm(MacAlgorithm.HS256).build().decode(token);
    }

    @Test
    void aTokenWithoutOptionsIsADevPlayersSignedWithTheLocalSecretWithinTheServersDefaultMaximumLifetime() {
        Jwt jwt = decode(DevTokens.mintFromArgs(new String[0], Map.of()), DevTokens.LOCAL_SECRET);

        assertThat(jwt.getSubject()).isEqualTo("dev-player");
        assertThat(jwt.getClaimAsString("scope")).isEqualTo("player");
        // leaderboard.jwt.max-token-lifetime defaults to 24h: the server refuses longer-lived tokens
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofHours(1))
                .isLessThan(Duration.ofHours(24));
    }

    @Test
    void optionsAndTheSecretFromTheEnvironmentAreUsed() {
        String secret = "another-local-secret-0123456789-0123456789";
        Jwt jwt = decode(DevTokens.mintFromArgs(new String[] {"--sub", "ops", "--scope", "admin service", "--ttl",
                "60"}, Map.of("LEADERBOARD_JWT_SECRET", secret)), secret);

        assertThat(jwt.getSubject()).isEqualTo("ops");
        assertThat(jwt.getClaimAsString("scope")).isEqualTo("admin service");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void anUnknownOptionIsRefusedWithTheUsage() {
        assertThatThrownBy(() -> DevTokens.mintFromArgs(new String[] {"--subject", "x"}, Map.of()))
                .hasMessageContaining("usage: token");
    }
}
