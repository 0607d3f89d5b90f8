package dev.leaderboard.server.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A read of the public read API that carries no credentials: GET under {@code /api/v1/leaderboards}, no
 * {@code Authorization} header and no {@code access_token} parameter. Such a request has nothing to authenticate
 * and is allowed to everyone, so it skips the authentication filters entirely. A request that does carry a token
 * never matches, so its token is still verified (and refused when bad) by the full chain. Plain string checks on
 * purpose: this runs first for every request; the firewall has already refused non-normalised paths.
 */
final class TokenlessPublicReads implements RequestMatcher {

    private static final String PREFIX = "/api/v1/leaderboards";

    @Override
    public boolean matches(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) { // as the full chain's permitAll: HEAD without a token is 401 there
            return false;
        }
        String uri = request.getRequestURI();
        if (!uri.startsWith(PREFIX) || (uri.length() > PREFIX.length() && uri.charAt(PREFIX.length()) != '/')) {
            return false;
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return false;
        }
        String query = request.getQueryString();
        return query == null || !query.contains("access_token");
    }
}
