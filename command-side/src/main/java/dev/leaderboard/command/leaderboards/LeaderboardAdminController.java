package dev.leaderboard.command.leaderboards;

import dev.leaderboard.boards.LeaderboardDefinition;
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

@RestController
public class LeaderboardAdminController {

    private final CommandSender commands;

    public LeaderboardAdminController(CommandSender commands) {
        this.commands = commands;
    }

    public record LeaderboardRequest(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description) {
    }

    @PutMapping(path = "/api/v1/admin/leaderboards/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<LeaderboardDefinition> define(
            @PathVariable @Pattern(regexp = Ids.NAME, message = "must be 1-64 of [A-Za-z0-9._-]") String id,
            @Valid @RequestBody LeaderboardRequest body,
            Authentication authentication, HttpServletRequest request) {
        String requestId = RequestMetadata.requestId(request);
        Leaderboard.DefinitionOutcome outcome = commands.send(
                new DefineLeaderboard(id, body.name(), body.description()),
                RequestMetadata.of(request, requestId, authentication.getName()));
        return ResponseEntity.status(outcome == Leaderboard.DefinitionOutcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new LeaderboardDefinition(id, body.name(), body.description()));
    }
}
