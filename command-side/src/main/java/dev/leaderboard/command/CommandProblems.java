package dev.leaderboard.command;

import dev.leaderboard.command.actions.ActionRejectedException;
import dev.leaderboard.command.actions.BatchTooLargeException;
import dev.leaderboard.command.actions.ForbiddenSubmissionException;
import dev.leaderboard.command.actions.InvalidBatchException;
import dev.leaderboard.command.batching.CommandsOverloadedException;
import dev.leaderboard.command.flags.FlagNotOpenException;
import dev.leaderboard.command.flags.UnknownFlagException;
import dev.leaderboard.command.history.UnknownPlayerException;
import dev.leaderboard.command.ingress.IngressUnavailableException;
import dev.leaderboard.command.leaderboards.InvalidTiersException;
import dev.leaderboard.command.leaderboards.UnknownLeaderboardException;
import dev.leaderboard.command.players.AdjustmentRefusedException;
import dev.leaderboard.command.players.InvalidAdjustmentException;
import dev.leaderboard.command.players.NotSuspendedException;
import dev.leaderboard.command.scoring.Rejection;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the command side's rejections to RFC 9457 problems with the status codes of the public contract. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CommandProblems {

    @ExceptionHandler(ActionRejectedException.class)
    ProblemDetail rejected(ActionRejectedException e) {
        Rejection rejection = e.rejection();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(rejection.status()),
                rejection.detail());
        problem.setTitle(rejection.title());
        problem.setProperty("reason", rejection.reason());
        return problem;
    }

    @ExceptionHandler(UnknownLeaderboardException.class)
    ProblemDetail unknownLeaderboard(UnknownLeaderboardException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown leaderboard", e);
    }

    @ExceptionHandler(InvalidTiersException.class)
    ProblemDetail invalidTiers(InvalidTiersException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid tiers", e);
    }

    @ExceptionHandler(UnknownPlayerException.class)
    ProblemDetail unknownPlayer(UnknownPlayerException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown player", e);
    }

    @ExceptionHandler(AdjustmentRefusedException.class)
    ProblemDetail adjustmentRefused(AdjustmentRefusedException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Adjustment refused", e);
        problem.setProperty("reason", e.reason());
        return problem;
    }

    @ExceptionHandler(InvalidAdjustmentException.class)
    ProblemDetail invalidAdjustment(InvalidAdjustmentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid adjustment", e);
    }

    @ExceptionHandler(NotSuspendedException.class)
    ProblemDetail notSuspended(NotSuspendedException e) {
        return problem(HttpStatus.NOT_FOUND, "Not suspended", e);
    }

    @ExceptionHandler(UnknownFlagException.class)
    ProblemDetail unknownFlag(UnknownFlagException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown flag", e);
    }

    @ExceptionHandler(FlagNotOpenException.class)
    ProblemDetail flagNotOpen(FlagNotOpenException e) {
        return problem(HttpStatus.CONFLICT, "Flag already resolved", e);
    }

    @ExceptionHandler(ForbiddenSubmissionException.class)
    ProblemDetail forbidden(ForbiddenSubmissionException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e);
    }

    @ExceptionHandler(InvalidBatchException.class)
    ProblemDetail invalidBatch(InvalidBatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid batch", e);
    }

    @ExceptionHandler(BatchTooLargeException.class)
    ProblemDetail batchTooLarge(BatchTooLargeException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Batch too large", e);
    }

    /** Only reached when every retry of a concurrent append lost; the client may safely resend the same action. */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> contended(RuntimeException e) {
        return retryLater("Contended, retry",
                "the player's stream is being written concurrently; retry the same request");
    }

    @ExceptionHandler(CommandsOverloadedException.class)
    ResponseEntity<ProblemDetail> overloaded(CommandsOverloadedException e) {
        return retryLater("Busy, retry", e.getMessage());
    }

    /** The event store cannot be reached: nothing was written, and the same action may be sent again. */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class})
    ResponseEntity<ProblemDetail> storageUnavailable(RuntimeException e) {
        return retryLater("Storage unavailable", "the event store cannot be reached now; send the action again");
    }

    /** Kafka ingress mode, and the broker did not take the action in time: nothing was queued as far as we know. */
    @ExceptionHandler(IngressUnavailableException.class)
    ResponseEntity<ProblemDetail> queueUnavailable(IngressUnavailableException e) {
        return retryLater("Queue unavailable", "the action could not be queued now; send it again", 5);
    }

    private static ResponseEntity<ProblemDetail> retryLater(String title, String detail) {
        return retryLater(title, detail, 1);
    }

    private static ResponseEntity<ProblemDetail> retryLater(String title, String detail, int retryAfterSeconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle(title);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds)).body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String title, RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(title);
        return problem;
    }
}
