package dev.leaderboard.command.actions;

import dev.leaderboard.command.leaderboards.LeaderboardCatalog;
import dev.leaderboard.command.scoring.ActionOutcome;
import dev.leaderboard.command.scoring.ActionTypes;
import dev.leaderboard.command.scoring.SubmitAction;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1")
public class ActionsController {

    private final CommandSender commands;
    private final ActionTypes actionTypes;

    public ActionsController(CommandSender commands, ActionTypes actionTypes) {
        this.commands = commands;
        this.actionTypes = actionTypes;
    }

    @PostMapping(path = "/actions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ActionOutcome> submit(@Valid @RequestBody SubmitActionRequest body,
                                                Authentication authentication, HttpServletRequest request) {
        Submitter submitter = Submitter.of(authentication);
        String userId = submitter.playerFor(body.userId());
        String leaderboardId = body.leaderboardId() == null ? LeaderboardCatalog.GLOBAL : body.leaderboardId();
        String requestId = RequestMetadata.requestId(request);

        ActionOutcome outcome = commands.send(
                new SubmitAction(userId, body.actionId(), body.type(), leaderboardId, body.attributes()),
                RequestMetadata.of(request, requestId, submitter.subject()));

        HttpStatus status = outcome.status() == ActionOutcome.Status.ACCEPTED ? HttpStatus.ACCEPTED : HttpStatus.OK;
        return ResponseEntity.status(status).body(outcome);
    }

    @GetMapping(path = "/action-types", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<ActionTypes.ActionType> actionTypes() {
        return actionTypes.list();
    }
}
