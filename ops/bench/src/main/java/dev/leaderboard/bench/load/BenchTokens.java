package dev.leaderboard.bench.load;

import dev.leaderboard.local.DevTokens;

import java.time.Duration;

/**
 * HS256 tokens for the benchmark: a {@code service} token (submits for any player) and an {@code admin} token (reads
 * projection status).
 */
public record BenchTokens(String service, String admin) {

    public static BenchTokens mint(String secret, Duration validFor) {
        return new BenchTokens(DevTokens.mint(secret, "bench-service", "service", validFor),
                DevTokens.mint(secret, "bench-admin", "admin", validFor));
    }
}
