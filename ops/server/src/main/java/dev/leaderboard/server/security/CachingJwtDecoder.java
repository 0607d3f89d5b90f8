package dev.leaderboard.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Remembers tokens that verified, keyed by the exact token string, so a client sending the same token with every
 * request pays for parsing, the signature and the claim checks once. A hit is only served while the token's
 * {@code exp} lies ahead; anything else (unknown, expired, not yet valid, invalid) goes to the real decoder, and
 * only tokens it accepts are remembered. Entries live at most {@code maxAge}, so a key rotation or a changed
 * validator takes effect within that time.
 */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    CachingJwtDecoder(JwtDecoder delegate, Clock clock, long maxEntries, Duration maxAge) {
        this.delegate = delegate;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(maxAge).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        Instant now = clock.instant();
        if (known != null && known.getExpiresAt() != null && now.isBefore(known.getExpiresAt())
                && (known.getNotBefore() == null || !now.isBefore(known.getNotBefore()))) {
            return known;
        }
        Jwt jwt = delegate.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}
