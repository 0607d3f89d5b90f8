package dev.leaderboard.command.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.command.batching.Submission;
import dev.leaderboard.command.batching.SubmissionResult;
import dev.leaderboard.command.ingress.ActionIngress;
import dev.leaderboard.command.scoring.ActionOutcome;
import dev.leaderboard.command.scoring.ActionTypes;
import dev.leaderboard.command.scoring.Rejection;
import dev.leaderboard.command.scoring.SubmitAction;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@RestController
@RequestMapping("/api/v1")
public class ActionsController {

    /** Most items in one batch request; more is 413. */
    public static final int MAX_BATCH_ITEMS = 1000;

    private final ActionIngress ingress;
    private final ActionTypes actionTypes;
    private final ObjectMapper json;
    private final Validator validator;
    private final String segmentClaim;

    public ActionsController(ActionIngress ingress, ActionTypes actionTypes, ObjectMapper json,
                             Validator validator, CommandProperties properties) {
        this.ingress = ingress;
        this.actionTypes = actionTypes;
        this.json = json;
        this.validator = validator;
        this.segmentClaim = properties.segmentClaim();
    }

    @PostMapping(path = "/actions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ActionOutcome> submit(@Valid @RequestBody SubmitActionRequest body,
                                                Authentication authentication, HttpServletRequest request) {
        Submitter submitter = Submitter.of(authentication, segmentClaim);
        Submission submission = submission(body, submitter, origin(request, submitter));
        ActionOutcome outcome = ingress.submit(submission).outcomeOrThrow();
        if (outcome.isRejected()) {
            throw new ActionRejectedException(outcome.problem());
        }
        return ResponseEntity.status(statusOf(outcome)).body(outcome);
    }

    /**
     * Up to {@value #MAX_BATCH_ITEMS} actions in one request and one group commit. Each item is validated and
     * authorised on its own and answered with the outcome the single endpoint would have given.
     */
    @PostMapping(path = "/actions/batch", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public BatchSubmissionResponse submitBatch(@RequestBody BatchSubmissionRequest body,
                                               Authentication authentication, HttpServletRequest request) {
        List<JsonNode> items = body.actions();
        if (items == null || items.isEmpty()) {
            throw new InvalidBatchException("'actions' must hold 1 to " + MAX_BATCH_ITEMS + " actions");
        }
        if (items.size() > MAX_BATCH_ITEMS) {
            throw new BatchTooLargeException(items.size(), MAX_BATCH_ITEMS);
        }
        Submitter submitter = Submitter.of(authentication, segmentClaim);
        MetaData origin = origin(request, submitter);
        ActionOutcome[] outcomes = new ActionOutcome[items.size()];
        List<Submission> accepted = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object read = read(items.get(i), submitter);
            if (read instanceof ActionOutcome rejected) {
                outcomes[i] = rejected;
            } else {
                accepted.add(submission((SubmitActionRequest) read, submitter, origin));
                positions.add(i);
            }
        }
        List<SubmissionResult> results = ingress.submitAll(accepted);
        for (int i = 0; i < results.size(); i++) {
            SubmissionResult result = results.get(i);
            SubmitAction command = accepted.get(i).command();
            outcomes[positions.get(i)] = result.failure() == null ? result.outcome()
                    : ActionOutcome.rejected(command, new Rejection(503, "Not stored",
                    "the action could not be stored now; send it again", "unavailable"));
        }
        return new BatchSubmissionResponse(List.of(outcomes));
    }

    @GetMapping(path = "/action-types", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<ActionTypes.ActionType> actionTypes() {
        return actionTypes.list();
    }

    /** @return the valid request, or the rejected outcome the single endpoint's status would say */
    private Object read(JsonNode item, Submitter submitter) {
        SubmitActionRequest action;
        try {
            action = json.treeToValue(item, SubmitActionRequest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return ActionItems.rejected(item, ActionItems.unreadable(e));
        }
        if (action == null) {
            return ActionItems.rejected(item, Rejection.invalid("the item is null"));
        }
        Optional<Rejection> invalid = ActionItems.invalidFields(validator, action);
        if (invalid.isPresent()) {
            return ActionItems.rejected(item, invalid.get());
        }
        try {
            submitter.playerFor(action.userId());
            submitter.segmentFor(action.segment());
        } catch (ForbiddenSubmissionException e) {
            return ActionItems.rejected(item, Rejection.forbidden(e.getMessage()));
        }
        return action;
    }

    /** @throws ForbiddenSubmissionException if the submitter may not act for the player or state the segment */
    private static Submission submission(SubmitActionRequest body, Submitter submitter, MetaData origin) {
        return new Submission(body.toCommand(submitter.playerFor(body.userId()), submitter.segmentFor(body.segment())),
                origin);
    }

    private static MetaData origin(HttpServletRequest request, Submitter submitter) {
        return RequestMetadata.of(request, RequestMetadata.requestId(request), submitter.subject());
    }

    private static HttpStatus statusOf(ActionOutcome outcome) {
        return outcome.status() == ActionOutcome.Status.DUPLICATE ? HttpStatus.OK : HttpStatus.ACCEPTED;
    }
}
