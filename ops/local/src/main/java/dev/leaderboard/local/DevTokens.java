package dev.leaderboard.local;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Mints HS256 tokens for development and tests (never served over HTTP). From the command line:
 * {@code java -jar ops/local/target/leaderboard-local.jar token --sub alice --scope "player" [--ttl 3600]}.
 */
public final class DevTokens {

    private static final String USAGE =
            "usage: token [--sub USER_ID] [--scope \"player service admin\"] [--ttl SECONDS]";

    /** The local profile's documented default secret (application-local.yml). */
    public static final String LOCAL_SECRET = "local-dev-secret-change-me-0123456789abcdef";

    private DevTokens() {
    }

    public static String mint(String secret, String subject, String scopes, Duration ttl) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableSecret<>(new SecretKeySpec(key, "HmacSHA256")));
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(subject)
                .claim("scope", scopes)
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    /** {@code --sub ID --scope "player service admin" --ttl SECONDS}; the secret is LEADERBOARD_JWT_SECRET or the local default. */
    public static String mintFromArgs(String[] args, Map<String, String> env) {
        String subject = "dev-player";
        String scopes = "player";
        long ttlSeconds = 3600;
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException(USAGE);
        }
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--sub" -> subject = args[i + 1];
                case "--scope" -> scopes = args[i + 1];
                case "--ttl" -> ttlSeconds = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException(USAGE);
            }
        }
        String secret = env.getOrDefault("LEADERBOARD_JWT_SECRET", LOCAL_SECRET);
        return mint(secret, subject, scopes, Duration.ofSeconds(ttlSeconds));
    }
}
