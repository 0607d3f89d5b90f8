package dev.leaderboard.bench.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TokensTest {

    @Test
    void aTokenIsTheHs256JwtAnIndependentImplementationComputes() {
        // computed with Python's hmac/hashlib over the same header and claims
        assertThat(Tokens.mint("local-dev-secret-change-me-0123456789abcdef", "bench-service", "service",
                Instant.ofEpochSecond(1_800_000_000L), Duration.ofHours(1))).isEqualTo(
                "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
                        + "eyJzdWIiOiJiZW5jaC1zZXJ2aWNlIiwic2NvcGUiOiJzZXJ2aWNlIiwiaWF0IjoxODAwMDAwMDAwLCJleHAi"
                        + "OjE4MDAwMDM2MDB9.Tme0Za8Z1JCyTCW55-xlrPpIoI-Z5cX139rtUILFOec");
    }
}
