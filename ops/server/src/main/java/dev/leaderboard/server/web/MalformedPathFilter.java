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
 * Refuses with 400 a path Spring cannot parse (a malformed %-escape in a path parameter, e.g. {@code /x/;%}):
 * Spring's own path parser throws on it in a filter that runs before the security firewall, which was a 500.
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
            problems.write(response, HttpStatus.BAD_REQUEST, "Bad request",
                    "the request was rejected: its URL, method or headers are not allowed");
            return;
        }
        chain.doFilter(request, response);
    }
}
