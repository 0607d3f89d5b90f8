package dev.leaderboard.server.security;

import dev.leaderboard.server.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final List<String> verified = new ArrayList<>();
    private final JwtDecoder verifying = token -> {
        verified.add(token);
        if (token.startsWith("bad")) {
            throw new BadJwtException("invalid signature");
        }
        return Jwt.withTokenValue(token).header("alg", "HS256").subject("alice")
                .issuedAt(NOW).expiresAt(NOW.plusSeconds(60)).build();
    };
    private final CachingJwtDecoder decoder = new CachingJwtDecoder(verifying, clock, 100, Duration.ofMinutes(5));

    @Test
    void sameValidTokenIsVerifiedOnce() {
        Jwt first = decoder.decode("good");
        Jwt second = decoder.decode("good");

        assertThat(second).isSameAs(first);
        assertThat(verified).containsExactly("good");
    }

    @Test
    void invalidTokenIsNeverRemembered() {
        assertThatThrownBy(() -> decoder.decode("bad")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("bad")).isInstanceOf(BadJwtException.class);

        assertThat(verified).containsExactly("bad", "bad");
    }

    @Test
    void rememberedTokenPastItsExpiryIsVerifiedAgain() {
        decoder.decode("good");
        clock.advance(Duration.ofSeconds(61));

        decoder.decode("good");

        assertThat(verified).containsExactly("good", "good");
    }
}
