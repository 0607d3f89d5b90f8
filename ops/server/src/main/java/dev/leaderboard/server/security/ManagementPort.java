package dev.leaderboard.server.security;

import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Requests served on a separate management port ({@code MANAGEMENT_SERVER_PORT}). Spring Boot applies this
 * application's security filter chain there too (its management child context delegates to the parent's
 * {@code springSecurityFilterChain}); the port is meant for a network only scrapers and operators reach, so its
 * endpoints need no token.
 */
final class ManagementPort {

    static final RequestMatcher REQUESTS = request -> {
        WebApplicationContext context = WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
        return context != null && WebServerApplicationContext.hasServerNamespace(context, "management");
    };

    private ManagementPort() {
    }
}
