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
 * Refuses a URL whose path Spring cannot parse (a bad percent-encoding in a {@code ;} path parameter, e.g.
 * {@code /x/;%/y}) with a 400 problem. Spring parses the path for the functional endpoints' mapping (GraphQL) ahead
 * of the security firewall, and its exception was a 500 there (found by the fuzzer).
 */
public class UnparsablePathFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    public UnparsablePathFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            RequestPath.parse(request.getRequestURI(), request.getContextPath());
        } catch (IllegalArgumentException e) {
            problems.write(response, HttpStatus.BAD_REQUEST, "Bad request", "the URL's path does not parse");
            return;
        }
        chain.doFilter(request, response);
    }
}
