package dev.leaderboard.command.scoring;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The scoring rules: which action types exist and what each is worth. */
public class ActionTypes {

    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    static final long MAX_POINTS_PER_ACTION = 1_000_000;

    private final Map<String, Long> pointsByType;

    public ActionTypes(Map<String, Long> pointsByType) {
        pointsByType.forEach((type, points) -> {
            if (!TYPE.matcher(type).matches()) {
                throw new IllegalArgumentException("action type '" + type + "' must match " + TYPE);
            }
            if (points == null || points < 1 || points > MAX_POINTS_PER_ACTION) {
                throw new IllegalArgumentException(
                        "action type '" + type + "' must be worth 1.." + MAX_POINTS_PER_ACTION + " points");
            }
        });
        this.pointsByType = new TreeMap<>(pointsByType);
    }

    public Optional<Long> pointsFor(String type) {
        return Optional.ofNullable(pointsByType.get(type));
    }

    public List<ActionType> list() {
        return pointsByType.entrySet().stream()
                .map(e -> new ActionType(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(ActionType::type))
                .toList();
    }

    public record ActionType(String type, long points) {
    }
}
