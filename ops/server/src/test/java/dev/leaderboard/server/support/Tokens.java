package dev.leaderboard.server.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/** Real HS256 tokens signed with the test profile's secret (application-test.yml). */
public final class Tokens {

    public static final String SECRET = "test-secret-0123456789-0123456789-abcdef";

    private Tokens() {
    }

    public static String player(String userId) {
        return withScopes(userId, "player");
    }

    public static String service(String serviceName) {
        return withScopes(serviceName, "service");
    }

    public static String admin() {
        return withScopes("operator", "admin");
    }

    /** Valid for an hour, like the local token command's default. */
    public static String withScopes(String subject, String scopes) {
        Instant now = Instant.now();
        return signed(SECRET, new JWTClaimsSet.Builder().subject(subject).claim("scope", scopes)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600))).build());
    }

    /** A token of the given scope with one extra claim, e.g. a regional service's {@code region}. */
    public static String withClaim(String subject, String scope, String claim, Object value) {
        Instant now = Instant.now();
        return signed(SECRET, new JWTClaimsSet.Builder().subject(subject).claim("scope", scope).claim(claim, value)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600))).build());
    }

    public static String expired(String userId) {
        return signed(SECRET, new JWTClaimsSet.Builder().subject(userId).claim("scope", "player")
                .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(3600))).build());
    }

    public static String withoutExpiry(String userId) {
        return signed(SECRET, new JWTClaimsSet.Builder().subject(userId).claim("scope", "player").build());
    }

    public static String player(String userId, String issuer, String audience) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(userId).claim("scope", "player")
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)));
        if (issuer != null) {
            claims.issuer(issuer);
        }
        if (audience != null) {
            claims.audience(audience);
        }
        return signed(SECRET, claims.build());
    }

    /** A player token with the given issue and expiry times ({@code issuedAt} null: no {@code iat}). */
    public static String playerLiving(String userId, Instant issuedAt, Instant expiresAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(userId).claim("scope", "player")
                .expirationTime(Date.from(expiresAt));
        if (issuedAt != null) {
            claims.issueTime(Date.from(issuedAt));
        }
        return signed(SECRET, claims.build());
    }

    public static String signedWithOtherKey(String userId) {
        return signed("another-secret-0123456789-0123456789-xyz", new JWTClaimsSet.Builder().subject(userId)
                .claim("scope", "player").expirationTime(Date.from(Instant.now().plusSeconds(3600))).build());
    }

    private static String signed(String secret, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
