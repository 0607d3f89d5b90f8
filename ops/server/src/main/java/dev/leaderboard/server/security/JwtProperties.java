package dev.leaderboard.server.security;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How bearer tokens are verified ({@code LEADERBOARD_JWT_SECRET} or {@code LEADERBOARD_JWT_JWK_SET_URI}).
 *
 * @param secret    HS256 key as UTF-8, at least 32 bytes (local and development)
 * @param jwkSetUri RS256 public keys of the identity provider (production); wins over the secret
 * @param issuer    tokens must carry exactly this {@code iss} ({@code LEADERBOARD_JWT_ISSUER}); required with a JWK
 *                  set URI, optional with a secret
 * @param audience  tokens must list this in {@code aud} ({@code LEADERBOARD_JWT_AUDIENCE}); required with a JWK set
 *                  URI (an identity provider signs tokens for other applications too), optional with a secret
 * @param verifiedCacheSize tokens remembered after they verified, so a client's next request with the same token
 *                  skips parsing and signature checks (0 switches the cache off)
 * @param verifiedCacheMaxAge longest a verified token is remembered (a hit also requires its {@code exp} ahead)
 * @param maxTokenLifetime longest lifetime accepted: a token whose {@code exp} lies further ahead, or whose
 *                  {@code exp - iat} is longer, is refused ({@code LEADERBOARD_JWT_MAX_TOKEN_LIFETIME}), so a leaked
 *                  token cannot stay usable for months
 */
@ConfigurationProperties("leaderboard.jwt")
public record JwtProperties(String secret, String jwkSetUri, String issuer, String audience,
                            @DefaultValue("10000") long verifiedCacheSize,
                            @DefaultValue("5m") Duration verifiedCacheMaxAge,
                            @DefaultValue("24h") Duration maxTokenLifetime) {

    static final int MIN_SECRET_BYTES = 32;
}
