package dev.leaderboard.command.actions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leaderboard.command.scoring.ActionOutcome;
import dev.leaderboard.command.scoring.Rejection;
import dev.leaderboard.platform.JsonReadErrors;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks an action read from JSON goes through wherever it arrives one item among many (a batch request's item,
 * a Kafka record), so that each is rejected alone and in the same words.
 */
public final class ActionItems {

    private ActionItems() {
    }

    /** @return the rejection for an item whose JSON could not be read as an action */
    public static Rejection unreadable(Exception e) {
        return Rejection.invalid(JsonReadErrors.describe(e));
    }

    /** @return the rejection naming every invalid field, if any */
    public static Optional<Rejection> invalidFields(Validator validator, SubmitActionRequest action) {
        Set<ConstraintViolation<SubmitActionRequest>> violations = validator.validate(action);
        if (violations.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Rejection.invalid(violations.stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> v.getPropertyPath() + " " + v.getMessage())
                .collect(Collectors.joining("; "))));
    }

    /** A rejected outcome that repeats what could be read of the item's identifying fields. */
    public static ActionOutcome rejected(JsonNode item, Rejection rejection) {
        return ActionOutcome.rejected(text(item, "actionId"), text(item, "userId"), text(item, "leaderboardId"),
                text(item, "type"), rejection);
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item == null || !item.isObject() ? null : item.get(field);
        return value != null && value.isTextual() && value.asText().length() <= 128 ? value.asText() : null;
    }
}
