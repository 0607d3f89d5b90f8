package dev.leaderboard.server.ratelimit;

import dev.leaderboard.server.ratelimit.EdgeRateLimiter.Checked;
import dev.leaderboard.server.ratelimit.EdgeRateLimiter.Verdict;
import dev.leaderboard.server.security.ProblemResponses;
import dev.leaderboard.server.web.PayloadTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The edge rate limits, after authentication (it needs the token's subject and scopes) and before any controller.
 * Every request takes one token from its client address' bucket; a player token's action submissions also take one
 * token per action from the player's bucket, a batch all of them or none. Over a limit: 429 problem+json with
 * {@code Retry-After}; every checked response carries {@code RateLimit-Policy} and {@code RateLimit}
 * (draft-ietf-httpapi-ratelimit-headers). Health probes are never limited.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    static final String POLICY_HEADER = "RateLimit-Policy";
    static final String STATE_HEADER = "RateLimit";

    private static final String ACTIONS_PATH = "/api/v1/actions";
    private static final String BATCH_PATH = "/api/v1/actions/batch";
    private static final Set<String> PROBES = Set.of("/health", "/readiness", "/liveness", "/actuator/health");

    private final EdgeRateLimiter limiter;
    private final RateLimitProperties properties;
    private final ProblemResponses problems;

    RateLimitFilter(EdgeRateLimiter limiter, RateLimitProperties properties, ProblemResponses problems) {
        this.limiter = limiter;
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return PROBES.contains(path) || path.startsWith("/actuator/health/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest forwarded = request;
        String player = null;
        long actions = 0;
        if (isActionSubmission(request) && isPlayerToken(SecurityContextHolder.getContext().getAuthentication())) {
            player = SecurityContextHolder.getContext().getAuthentication().getName();
            actions = 1;
            if (BATCH_PATH.equals(request.getRequestURI())) {
                byte[] body;
                try {
                    body = request.getInputStream().readAllBytes();
                } catch (PayloadTooLargeException tooLarge) {
                    problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", tooLarge.getMessage());
                    return;
                }
                actions = BatchSize.of(body);
                forwarded = new BufferedBodyRequest(request, body);
            }
            if (actions > properties.player().burst()) {
                problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large",
                        "a player token may submit at most " + properties.player().burst()
                                + " actions in one request (the player rate limit's burst); this batch has "
                                + actions + ": split it");
                return;
            }
        }
        Verdict verdict = limiter.check(ClientAddress.of(request), player, actions);
        if (!verdict.limits().isEmpty()) {
            response.setHeader(POLICY_HEADER, policyHeader(verdict));
            response.setHeader(STATE_HEADER, stateHeader(verdict));
        }
        if (!verdict.allowed()) {
            long retryAfter = verdict.retryAfterSeconds();
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests", refusal(verdict, retryAfter));
            return;
        }
        chain.doFilter(forwarded, response);
    }

    private static boolean isActionSubmission(HttpServletRequest request) {
        String path = request.getRequestURI();
        return "POST".equals(request.getMethod()) && (ACTIONS_PATH.equals(path) || BATCH_PATH.equals(path));
    }

    /** Service tokens are trusted backends: they submit for many players and are not limited per player. */
    private static boolean isPlayerToken(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        Set<String> scopes = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return scopes.contains("SCOPE_player") && !scopes.contains("SCOPE_service");
    }

    static String policyHeader(Verdict verdict) {
        return verdict.limits().stream()
                .map(c -> "\"" + c.name() + "\";q=" + c.bucket().burst() + ";w=" + c.bucket().windowSeconds())
                .collect(Collectors.joining(", "));
    }

    static String stateHeader(Verdict verdict) {
        return verdict.limits().stream()
                .map(c -> "\"" + c.name() + "\";r=" + c.state().remaining() + ";t="
                        + (c.state().fullInMillis() + 999) / 1000)
                .collect(Collectors.joining(", "));
    }

    private static String refusal(Verdict verdict, long retryAfter) {
        String exhausted = verdict.limits().stream().filter(c -> c.state().waitMillis() > 0).map(Checked::name)
                .map(name -> EdgeRateLimiter.PLAYER.equals(name) ? "the player's action rate limit"
                        : "the client address' request rate limit")
                .collect(Collectors.joining(" and "));
        return exhausted + " is exhausted; retry in " + retryAfter + " s";
    }

    /** The batch body, read once to count its actions, served again to the controller. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already buffered");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), charset(getCharacterEncoding())));
        }

        private static Charset charset(String encoding) {
            try {
                return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            } catch (IllegalArgumentException unknown) {
                return StandardCharsets.UTF_8;   // the JSON reader decides; never a 500 over a bad charset name
            }
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
