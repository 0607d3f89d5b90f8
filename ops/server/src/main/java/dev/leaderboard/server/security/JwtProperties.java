package dev.leaderboard.server.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How bearer tokens are verified ({@code LEADERBOARD_JWT_SECRET} or {@code LEADERBOARD_JWT_JWK_SET_URI}).
 *
 * @param secret    HS256 key as UTF-8, at least 32 bytes (local and development)
 * @param jwkSetUri RS256 public keys of the identity provider (production); wins over the secret
 */
@ConfigurationProperties("leaderboard.jwt")
public record JwtProperties(String secret, String jwkSetUri) {

    static final int MIN_SECRET_BYTES = 32;
}
