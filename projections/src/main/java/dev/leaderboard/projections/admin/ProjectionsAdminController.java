package dev.leaderboard.projections.admin;

import dev.leaderboard.projections.healing.RedisRestorer;
import dev.leaderboard.projections.replay.ReplayAlreadyRunningException;
import dev.leaderboard.projections.replay.StandingsReplay;
import dev.leaderboard.projections.standings.StandingsProjector;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Operator endpoints of the projections (admin scope, enforced by the server's security configuration). */
@RestController
@RequestMapping(path = "/api/v1/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
public class ProjectionsAdminController {

    private final ProjectionStatusReader status;
    private final StandingsReplay replay;
    private final RedisRestorer restorer;
    private final ProcessorReset reset;

    public ProjectionsAdminController(ProjectionStatusReader status, StandingsReplay replay,
                                      RedisRestorer restorer, ProcessorReset reset) {
        this.status = status;
        this.replay = replay;
        this.restorer = restorer;
        this.reset = reset;
    }

    @GetMapping
    public List<ProjectionStatus> list() {
        return status.all();
    }

    @PostMapping("/{name}/replay")
    public ResponseEntity<Map<String, Object>> replay(@PathVariable String name) {
        requireKnown(name);
        int generation = replay.start();
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("name", name, "status", "replaying", "generation", generation));
    }

    /** Cancels a running (or stuck) replay; readers stay on the live generation. */
    @DeleteMapping("/{name}/replay")
    public ResponseEntity<Map<String, Object>> cancelReplay(@PathVariable String name) {
        requireKnown(name);
        return ResponseEntity.ok(Map.of("name", name, "cancelled", replay.cancel()));
    }

    @PostMapping("/{name}/restore")
    public ResponseEntity<Map<String, Object>> restore(@PathVariable String name) {
        requireKnown(name);
        RedisRestorer.Result result = restorer.restore(false);
        if (!result.performed()) {
            throw new RestoreAlreadyRunningException();
        }
        return ResponseEntity.ok(Map.of("name", name, "status", "restored", "rows", result.rows(),
                "generation", result.generation()));
    }

    /**
     * Handles every event again from {@code position} on (default: the first event), e.g. to publish outbound events
     * again after a consumer lost them. Not for the standings (use replay). 409 while another instance holds a
     * segment of the processor.
     */
    @PostMapping("/{name}/reset")
    public ResponseEntity<Map<String, Object>> reset(@PathVariable String name,
                                                     @RequestParam(defaultValue = "0") long position) {
        if (!reset.canReset(name)) {
            throw new UnknownProjectionException(name);
        }
        reset.reset(name, position);
        return ResponseEntity.ok(Map.of("name", name, "status", "reset", "position", Math.max(1, position)));
    }

    private static void requireKnown(String name) {
        if (!StandingsProjector.PROCESSING_GROUP.equals(name)) {
            throw new UnknownProjectionException(name);
        }
    }

    @ExceptionHandler(UnknownProjectionException.class)
    ProblemDetail unknown(UnknownProjectionException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown projection", e.getMessage());
    }

    @ExceptionHandler(UnableToClaimTokenException.class)
    ProblemDetail claimed(UnableToClaimTokenException e) {
        return problem(HttpStatus.CONFLICT, "Processor running elsewhere",
                "another instance holds a segment of the processor; stop it there first");
    }

    @ExceptionHandler({ReplayAlreadyRunningException.class, RestoreAlreadyRunningException.class})
    ProblemDetail busy(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "Already running", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    static class UnknownProjectionException extends RuntimeException {
        UnknownProjectionException(String name) {
            super("no projection named '" + name + "' (that can do this); GET /api/v1/admin/projections lists them");
        }
    }

    static class RestoreAlreadyRunningException extends RuntimeException {
        RestoreAlreadyRunningException() {
            super("a restore is already running");
        }
    }
}
