package dev.leaderboard.query;

import dev.leaderboard.query.export.ExportController;
import dev.leaderboard.query.rankings.RankingsController;
import dev.leaderboard.query.rankings.SubsetController;
import dev.leaderboard.query.results.ResultsController;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ExtendedServletRequestDataBinder;

/**
 * How the read endpoints bind their query parameter records ({@code SliceParameters}, {@code PageParameters}, …):
 * from the query string only, and a value that does not convert is answered exactly as a {@code @RequestParam}
 * of that type would be ({@code Failed to convert 'limit' with value: 'ten'}).
 */
@RestControllerAdvice(assignableTypes = {RankingsController.class, SubsetController.class, ExportController.class,
        ResultsController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class QueryParameterBinding {

    /**
     * Spring 6.2 binds request headers into such records too (all but a few common ones): a {@code Window} header
     * would become the {@code window}.
     */
    @InitBinder
    void queryStringOnly(WebDataBinder binder) {
        if (binder instanceof ExtendedServletRequestDataBinder request) {
            request.setHeaderPredicate(header -> false);
        }
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail unconvertible(MethodArgumentNotValidException e) {
        FieldError error = e.getBindingResult().getFieldErrors().stream().filter(FieldError::isBindingFailure)
                .findFirst().orElse(null);
        if (error == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "the request has invalid parameters");
            problem.setTitle("Bad request");
            return problem;
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Failed to convert '" + error.getField() + "' with value: '" + error.getRejectedValue() + "'");
    }
}
