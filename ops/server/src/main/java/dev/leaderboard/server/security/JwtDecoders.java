package dev.leaderboard.server.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Builds the token verifier; refuses to build one without a key, so the server will not start unprotected. */
final class JwtDecoders {

    private JwtDecoders() {
    }

    static JwtDecoder from(JwtProperties properties) {
        NimbusJwtDecoder decoder;
        if (isSet(properties.jwkSetUri())) {
            if (!isSet(properties.issuer()) || !isSet(properties.audience())) {
                throw new IllegalStateException("LEADERBOARD_JWT_JWK_SET_URI is set, so LEADERBOARD_JWT_ISSUER and "
                        + "LEADERBOARD_JWT_AUDIENCE are required too (missing: "
                        + String.join(" and ", missingClaims(properties))
                        + "): an identity provider's keys also sign tokens for other applications, which this "
                        + "server must not accept");
            }
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        } else if (isSet(properties.secret())) {
            byte[] key = properties.secret().getBytes(StandardCharsets.UTF_8);
            if (key.length < JwtProperties.MIN_SECRET_BYTES) {
                throw new IllegalStateException("LEADERBOARD_JWT_SECRET must be at least "
                        + JwtProperties.MIN_SECRET_BYTES + " bytes for HS256");
            }
            decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(key, "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256).build();
        } else {
            throw new IllegalStateException(
                    "No token verification configured: set LEADERBOARD_JWT_SECRET (HS256) or "
                            + "LEADERBOARD_JWT_JWK_SET_URI (RS256). Only the 'local' profile has a default secret.");
        }
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    /**
     * Default checks (exp/nbf with clock skew) plus: exp is required and within the maximum token lifetime, sub is a
     * valid user id, and the issuer and audience match when configured.
     */
    static OAuth2TokenValidator<Jwt> validator(JwtProperties properties) {
        return validator(properties, Clock.systemUTC());
    }

    static OAuth2TokenValidator<Jwt> validator(JwtProperties properties, Clock clock) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(
                JwtValidators.createDefault(),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new TokenLifetimeValidator(properties.maxTokenLifetime(), clock),
                new JwtClaimValidator<String>(JwtClaimNames.SUB,
                        sub -> sub != null && sub.matches("[A-Za-z0-9._-]{1,64}"))));
        if (isSet(properties.issuer())) {
            validators.add(new JwtIssuerValidator(properties.issuer()));
        }
        if (isSet(properties.audience())) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    audience -> audience != null && audience.contains(properties.audience())));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static List<String> missingClaims(JwtProperties properties) {
        List<String> missing = new ArrayList<>(2);
        if (!isSet(properties.issuer())) {
            missing.add("issuer");
        }
        if (!isSet(properties.audience())) {
            missing.add("audience");
        }
        return missing;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
