package dev.leaderboard.server.web;

import dev.leaderboard.command.actions.RequestMetadata;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Gives every request an id (the caller's well-formed {@code X-Request-Id}, or a new one) and echoes it on every
 * response, errors included, so a client can quote it and an operator can find the request in the audit log and in
 * every log line written while it is handled ({@link LogContext#REQUEST_ID}).
 */
public class RequestIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = RequestMetadata.requestId(request);
        request.setAttribute(RequestMetadata.REQUEST_ID_ATTRIBUTE, requestId);
        response.setHeader(RequestMetadata.REQUEST_ID_HEADER, requestId);
        MDC.put(LogContext.REQUEST_ID, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(LogContext.REQUEST_ID);
        }
    }
}
