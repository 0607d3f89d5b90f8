package dev.leaderboard.command.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.leaderboard.command.scoring.SubmitAction;

import java.util.Map;

/** The value of a record on the actions topic: the REST body's fields, with {@code userId} required. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionRecord(String actionId, String userId, String type, String leaderboardId,
                           Map<String, Object> attributes, String segment) {

    /** The record of an authorised action: its segment is the trusted one the REST ingress resolved. */
    public static ActionRecord of(SubmitAction action) {
        return new ActionRecord(action.actionId(), action.userId(), action.type(), action.leaderboardId(),
                action.attributes(), action.segment());
    }
}
