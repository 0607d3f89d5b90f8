package dev.leaderboard.server.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Spring Security's firewall checks header values only when they are read, often inside a controller (e.g. a
 * non-ASCII {@code If-None-Match} read while negotiating the response): the same 400 as its up-front refusals,
 * not the catch-all 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FirewallProblems {

    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the request was rejected: its URL, method or headers are not allowed");
        problem.setTitle("Bad request");
        return problem;
    }
}
