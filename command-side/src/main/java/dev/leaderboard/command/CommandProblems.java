package dev.leaderboard.command;

import dev.leaderboard.command.actions.ForbiddenSubmissionException;
import dev.leaderboard.command.history.UnknownPlayerException;
import dev.leaderboard.command.leaderboards.UnknownLeaderboardException;
import dev.leaderboard.command.scoring.ActionIdConflictException;
import dev.leaderboard.command.scoring.ScoreLimitExceededException;
import dev.leaderboard.command.scoring.UnknownActionTypeException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the command side's rejections to RFC 9457 problems with the status codes of the public contract. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CommandProblems {

    @ExceptionHandler(UnknownActionTypeException.class)
    ProblemDetail unknownActionType(UnknownActionTypeException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Unknown action type", e);
    }

    @ExceptionHandler(ScoreLimitExceededException.class)
    ProblemDetail scoreLimit(ScoreLimitExceededException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Score limit reached", e);
    }

    @ExceptionHandler(UnknownLeaderboardException.class)
    ProblemDetail unknownLeaderboard(UnknownLeaderboardException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown leaderboard", e);
    }

    @ExceptionHandler(UnknownPlayerException.class)
    ProblemDetail unknownPlayer(UnknownPlayerException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown player", e);
    }

    @ExceptionHandler(ActionIdConflictException.class)
    ProblemDetail actionIdConflict(ActionIdConflictException e) {
        return problem(HttpStatus.CONFLICT, "Action id already used", e);
    }

    @ExceptionHandler(ForbiddenSubmissionException.class)
    ProblemDetail forbidden(ForbiddenSubmissionException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e);
    }

    /** Only reached when every retry of a concurrent append lost; the client may safely resend the same action. */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> contended(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the player's stream is being written concurrently; retry the same request");
        problem.setTitle("Contended, retry");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String title, RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(title);
        return problem;
    }
}
