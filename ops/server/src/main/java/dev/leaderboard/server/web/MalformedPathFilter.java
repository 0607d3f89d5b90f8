package dev.leaderboard.server.web;

import dev.leaderboard.server.security.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses with 400 a path Spring cannot parse: Tomcat strips path parameters ({@code ;…}) before it checks
 * %-escapes, so a malformed escape there reached Spring's path parser (which runs before the firewall) and failed
 * with a 500 (found by EveryEndpointFuzzTest: {@code POST /api/v1/admin/flags/;%/resolve}).
 */
public class MalformedPathFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    public MalformedPathFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            RequestPath.parse(request.getRequestURI(), request.getContextPath());
        } catch (IllegalArgumentException e) {
            problems.write(response, HttpStatus.BAD_REQUEST, "Bad request", "the request path is malformed");
            return;
        }
        chain.doFilter(request, response);
    }
}
