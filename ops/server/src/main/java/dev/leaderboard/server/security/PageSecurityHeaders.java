package dev.leaderboard.server.security;

import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The Content-Security-Policy of the live page ({@code /}). The page loads only its own {@code app.js} and
 * {@code app.css} and talks only to its own origin (fetch and EventSource), with no inline script or style, so
 * everything else is forbidden: a script injected through a player id could neither run nor send anything away.
 * Swagger UI (a third-party page) keeps Spring Security's other headers but is not held to this policy.
 */
final class PageSecurityHeaders {

    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final RequestMatcher PAGE = new OrRequestMatcher(
            request -> "/".equals(request.getRequestURI()),
            request -> "/index.html".equals(request.getRequestURI()));

    private PageSecurityHeaders() {
    }

    static HeaderWriter contentSecurityPolicy() {
        return new DelegatingRequestMatcherHeaderWriter(PAGE,
                new StaticHeadersWriter("Content-Security-Policy", PAGE_POLICY));
    }
}
