package dev.leaderboard.bench.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.*;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HS256 tokens (JDK HMAC) under a random secret the started server is given: a service and an admin token. */
public record Tokens(String secret, String service, String admin) {

    public static Tokens random() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String text = base64(secret);
        return new Tokens(text, mint(text, "bench-service", "service", Instant.now(), Duration.ofHours(12)),
                mint(text, "bench-admin", "admin", Instant.now(), Duration.ofHours(12)));
    }

    static String mint(String secret, String subject, String scope, Instant issuedAt, Duration ttl) {
        long now = issuedAt.getEpochSecond();
        String header = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = base64("{\"sub\":\"%s\",\"scope\":\"%s\",\"iat\":%d,\"exp\":%d}"
                .formatted(subject, scope, now, now + ttl.toSeconds()).getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return header + "." + claims + "." + base64(mac.doFinal((header + "." + claims).getBytes()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
