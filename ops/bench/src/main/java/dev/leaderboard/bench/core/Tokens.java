package dev.leaderboard.bench.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.*;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 bearer tokens the server accepts ({@code sub}, {@code scope}, {@code iat}, {@code exp}), minted with the
 * JDK's HMAC: a {@code service} token submits for any player, an {@code admin} token reads and steers processors.
 */
public record Tokens(String service, String admin) {

    /** The local profile's documented default secret (application-local.yml). */
    public static final String LOCAL_SECRET = "local-dev-secret-change-me-0123456789abcdef";

    public static Tokens mint(String secret) {
        return new Tokens(mint(secret, "bench-service", "service", Instant.now(), Duration.ofHours(12)),
                mint(secret, "bench-admin", "admin", Instant.now(), Duration.ofHours(12)));
    }

    static String mint(String secret, String subject, String scope, Instant issuedAt, Duration ttl) {
        if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("an HS256 secret needs at least 32 bytes");
        }
        long now = issuedAt.getEpochSecond();
        String header = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String claims = base64("{\"sub\":\"%s\",\"scope\":\"%s\",\"iat\":%d,\"exp\":%d}"
                .formatted(subject, scope, now, now + ttl.toSeconds()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return header + "." + claims + "." + base64(mac.doFinal((header + "." + claims).getBytes()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String json) {
        return base64(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
