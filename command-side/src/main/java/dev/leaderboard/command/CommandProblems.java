package dev.leaderboard.command;

import dev.leaderboard.command.actions.ForbiddenSubmissionException;
import dev.leaderboard.command.history.UnknownPlayerException;
import dev.leaderboard.command.leaderboards.UnknownLeaderboardException;
import dev.leaderboard.command.scoring.ActionIdConflictException;
import dev.leaderboard.command.scoring.ScoreLimitExceededException;
import dev.leaderboard.command.scoring.UnknownActionTypeException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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

    private static ProblemDetail problem(HttpStatus status, String title, RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(title);
        return problem;
    }
}
