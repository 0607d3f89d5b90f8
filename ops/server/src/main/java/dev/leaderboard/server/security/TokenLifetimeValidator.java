package dev.leaderboard.server.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Refuses tokens that live longer than the configured maximum: {@code exp} further ahead than that from now, or
 * {@code exp - iat} longer than that. One minute of clock skew is allowed, as for {@code exp} and {@code nbf}.
 */
final class TokenLifetimeValidator implements OAuth2TokenValidator<Jwt> {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final Duration maxLifetime;
    private final Clock clock;

    TokenLifetimeValidator(Duration maxLifetime, Clock clock) {
        this.maxLifetime = maxLifetime;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Instant expiresAt = token.getExpiresAt();
        if (expiresAt == null) {
            return OAuth2TokenValidatorResult.success();   // exp is required by its own validator
        }
        Instant latestAccepted = clock.instant().plus(maxLifetime).plus(CLOCK_SKEW);
        boolean tooFarAhead = expiresAt.isAfter(latestAccepted);
        boolean issuedForTooLong = token.getIssuedAt() != null
                && Duration.between(token.getIssuedAt(), expiresAt).compareTo(maxLifetime.plus(CLOCK_SKEW)) > 0;
        if (tooFarAhead || issuedForTooLong) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                    "the token lives longer than the accepted maximum of " + maxLifetime, null));
        }
        return OAuth2TokenValidatorResult.success();
    }
}
