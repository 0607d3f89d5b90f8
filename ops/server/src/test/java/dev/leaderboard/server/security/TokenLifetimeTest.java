package dev.leaderboard.server.security;

import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The verifier refuses tokens living longer than leaderboard.jwt.max-token-lifetime; the dev tokens fit. */
class TokenLifetimeTest {

    private final JwtDecoder decoder = JwtDecoders.from(new JwtProperties(Tokens.SECRET, null, null, null, 0,
            Duration.ofMinutes(5), Duration.ofHours(24)));

    @Test
    void tokenExpiringFurtherAheadThanTheMaximumIsRefused() {
        Instant now = Instant.now();

        assertThatThrownBy(() -> decoder.decode(Tokens.playerLiving("ivy", null, now.plus(Duration.ofHours(48)))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("longer than the accepted maximum");
        assertThatThrownBy(() -> decoder.decode(Tokens.playerLiving("ivy", now, now.plus(Duration.ofHours(25)))))
                .isInstanceOf(JwtValidationException.class);
    }

    @Test
    void tokenIssuedForLongerThanTheMaximumIsRefusedEvenCloseToItsExpiry() {
        Instant now = Instant.now();

        assertThatThrownBy(() -> decoder.decode(
                Tokens.playerLiving("ivy", now.minus(Duration.ofHours(30)), now.plus(Duration.ofHours(1)))))
                .isInstanceOf(JwtValidationException.class);
    }

    @Test
    void tokensWithinTheMaximumAreAccepted() {
        Instant now = Instant.now();

        assertThat(decoder.decode(Tokens.playerLiving("ivy", now, now.plus(Duration.ofHours(23)))).getSubject())
                .isEqualTo("ivy");
        assertThat(decoder.decode(Tokens.playerLiving("ivy", null, now.plus(Duration.ofHours(1)))).getSubject())
                .isEqualTo("ivy");
    }
}
