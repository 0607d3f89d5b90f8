package dev.leaderboard.server.web;

import dev.leaderboard.server.security.ProblemResponses;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * Replaces Spring Boot's BasicErrorController: whatever ends in the servlet container's error page (a filter's
 * {@code sendError}, an error outside Spring MVC) is answered as problem+json too, not as Boot's JSON map. Opened
 * directly ({@code GET /error}, no error to report) it is a 404, where Boot's controller answered 500.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private final ProblemResponses problems;

    public ProblemErrorController(ProblemResponses problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null || !status.isError()) {
            status = HttpStatus.NOT_FOUND;
        }
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        String detail = status.is5xxServerError() ? "the server failed to process the request; it has been logged"
                : "the request was refused: " + status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
        problems.write(response, status, status.getReasonPhrase(), detail);
    }
}
