package dev.leaderboard.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Puts the token's subject into the logging context ({@link LogContext#USER_ID}) for the rest of the request. Runs
 * after Spring Security's filters, inside their chain, while the authentication is known.
 */
public class AuthenticatedUserLogFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            chain.doFilter(request, response);
            return;
        }
        MDC.put(LogContext.USER_ID, token.getName());
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(LogContext.USER_ID);
        }
    }
}
