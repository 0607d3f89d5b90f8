package dev.leaderboard.command.leaderboards;

import dev.leaderboard.boards.LeaderboardDefinition;
import dev.leaderboard.boards.Tier;
import dev.leaderboard.boards.Tiers;
import dev.leaderboard.command.actions.CommandSender;
import dev.leaderboard.command.actions.Ids;
import dev.leaderboard.command.actions.RequestMetadata;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

@RestController
public class LeaderboardAdminController {

    private final CommandSender commands;

    public LeaderboardAdminController(CommandSender commands) {
        this.commands = commands;
    }

    /** {@code tiers} optional, in order; checked by {@link #tiersOf}. */
    public record LeaderboardRequest(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description,
                                     List<TierRequest> tiers) {
    }

    /** One tier as sent: {@code {"name","top"}} or {@code {"name","topPercent"}}. */
    public record TierRequest(String name, Long top, BigDecimal topPercent) {
    }

    @PutMapping(path = "/api/v1/admin/leaderboards/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<LeaderboardDefinition> define(
            @PathVariable @Pattern(regexp = Ids.NAME, message = "must be 1-64 of [A-Za-z0-9._-]") String id,
            @Valid @RequestBody LeaderboardRequest body,
            Authentication authentication, HttpServletRequest request) {
        List<Tier> tiers = tiersOf(body.tiers());
        String requestId = RequestMetadata.requestId(request);
        Leaderboard.DefinitionOutcome outcome = commands.send(
                new DefineLeaderboard(id, body.name(), body.description(), tiers),
                RequestMetadata.of(request, requestId, authentication.getName()));
        return ResponseEntity.status(outcome == Leaderboard.DefinitionOutcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new LeaderboardDefinition(id, body.name(), body.description(), tiers));
    }

    /** The requested tiers, validated as a board's ({@link Tiers#validated}), or a 400 naming the first fault. */
    static List<Tier> tiersOf(List<TierRequest> requested) {
        if (requested == null) {
            return List.of();
        }
        if (requested.size() > Tiers.MAX_TIERS) {
            throw new InvalidTiersException("a board has at most " + Tiers.MAX_TIERS + " tiers, these are "
                    + requested.size());
        }
        try {
            return Tiers.validated(requested.stream().map(t -> {
                if (t == null) {
                    throw new IllegalArgumentException(
                            "a tier must be an object {\"name\", \"top\" or \"topPercent\"}");
                }
                return new Tier(t.name(), t.top(), t.topPercent());
            }).toList());
        } catch (IllegalArgumentException e) {
            throw new InvalidTiersException("tiers: " + e.getMessage());
        }
    }
}
