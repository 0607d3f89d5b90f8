package dev.leaderboard.command.players;

import dev.leaderboard.command.actions.CommandSender;
import dev.leaderboard.command.actions.Ids;
import dev.leaderboard.command.actions.RequestMetadata;
import dev.leaderboard.command.history.UnknownPlayerException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.function.Supplier;

/** Operator corrections: score adjustments and suspensions, each stored as an event with its reason and operator. */
@RestController
public class PlayerAdminController {

    /** Totals stay exact as Redis scores (2^53); no single correction needs more. */
    private static final long MAX_POINTS = 1L << 53;

    private final CommandSender commands;

    public PlayerAdminController(CommandSender commands) {
        this.commands = commands;
    }

    public record AdjustmentRequest(@Pattern(regexp = Ids.NAME, message = "must be 1-64 of [A-Za-z0-9._-]")
                                    String leaderboardId,
                                    @NotNull @Min(-MAX_POINTS) @Max(MAX_POINTS) Long points,
                                    @NotBlank @Size(max = 2000) String reason,
                                    @Pattern(regexp = Ids.ACTION_ID, message = "must be 1-128 of [A-Za-z0-9._:-]")
                                    String adjustmentId) {
    }

    public record SuspensionRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping(path = "/api/v1/admin/players/{userId}/adjustments", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Adjustment> adjust(@PathVariable @Pattern(regexp = Ids.NAME,
            message = "must be 1-64 of [A-Za-z0-9._-]") String userId,
                                             @Valid @RequestBody AdjustmentRequest body,
                                             Authentication authentication, HttpServletRequest request) {
        if (body.points() == 0) {
            throw new InvalidAdjustmentException("points must not be 0");
        }
        String board = body.leaderboardId() == null ? "global" : body.leaderboardId();
        Adjustment adjustment = knownPlayer(userId, () -> commands.send(new AdjustScore(userId, board,
                body.adjustmentId(), body.points(), body.reason(), authentication.getName()), metadata(request,
                authentication)));
        return ResponseEntity.status(adjustment.status() == Adjustment.Status.APPLIED ? HttpStatus.CREATED
                : HttpStatus.OK).body(adjustment);
    }

    @PutMapping(path = "/api/v1/admin/players/{userId}/suspension", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Suspension suspend(@PathVariable @Pattern(regexp = Ids.NAME,
            message = "must be 1-64 of [A-Za-z0-9._-]") String userId,
                              @Valid @RequestBody SuspensionRequest body,
                              Authentication authentication, HttpServletRequest request) {
        return commands.send(new SuspendPlayer(userId, body.reason(), authentication.getName()),
                metadata(request, authentication));
    }

    @DeleteMapping(path = "/api/v1/admin/players/{userId}/suspension", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Suspension reinstate(@PathVariable @Pattern(regexp = Ids.NAME,
            message = "must be 1-64 of [A-Za-z0-9._-]") String userId,
                                @Valid @RequestBody SuspensionRequest body,
                                Authentication authentication, HttpServletRequest request) {
        return knownPlayer(userId, () -> commands.send(new ReinstatePlayer(userId, body.reason(),
                authentication.getName()), metadata(request, authentication)));
    }

    private static <T> T knownPlayer(String userId, Supplier<T> command) {
        try {
            return command.get();
        } catch (AggregateNotFoundException e) {
            throw new UnknownPlayerException(userId);
        }
    }

    private static MetaData metadata(HttpServletRequest request,
                                                                 Authentication authentication) {
        return RequestMetadata.of(request, RequestMetadata.requestId(request), authentication.getName());
    }
}
