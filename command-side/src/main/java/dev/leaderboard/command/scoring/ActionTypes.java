package dev.leaderboard.command.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.leaderboard.windows.TimeWindow;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The scoring rules: which action types exist, what each is worth, and how many of each count per window. */
public class ActionTypes {

    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    static final List<TimeWindow> CAPPABLE = List.of(TimeWindow.DAILY, TimeWindow.WEEKLY,
            TimeWindow.MONTHLY, TimeWindow.ALL_TIME);
    static final long MAX_POINTS_PER_ACTION = 1_000_000;

    private final Map<String, ActionType> byType;

    public ActionTypes(Map<String, ScoringProperties.ActionTypeSettings> settings) {
        Map<String, ActionType> types = new TreeMap<>();
        settings.forEach((type, setting) -> types.put(type, validated(type, setting)));
        this.byType = types;
    }

    /** Points only, no caps: for tests and tools. */
    public static ActionTypes ofPoints(Map<String, Long> pointsByType) {
        Map<String, ScoringProperties.ActionTypeSettings> settings = new LinkedHashMap<>();
        pointsByType.forEach((type, points) -> settings.put(type,
                new ScoringProperties.ActionTypeSettings(points, Map.of())));
        return new ActionTypes(settings);
    }

    public Optional<Long> pointsFor(String type) {
        return find(type).map(ActionType::points);
    }

    public Optional<ActionType> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public List<ActionType> list() {
        return byType.values().stream().sorted(Comparator.comparing(ActionType::type)).toList();
    }

    private static ActionType validated(String type, ScoringProperties.ActionTypeSettings setting) {
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("action type '" + type + "' must match " + TYPE);
        }
        Long points = setting == null ? null : setting.points();
        if (points == null || points < 1 || points > MAX_POINTS_PER_ACTION) {
            throw new IllegalArgumentException(
                    "action type '" + type + "' must be worth 1.." + MAX_POINTS_PER_ACTION + " points");
        }
        Map<String, Integer> caps = new TreeMap<>();
        setting.max().forEach((windowId, max) -> {
            TimeWindow window = TimeWindow.fromId(windowId).filter(CAPPABLE::contains).orElseThrow(() ->
                    new IllegalArgumentException("action type '" + type + "': a cap is per daily, weekly, monthly "
                            + "or all-time, not '" + windowId + "'"));
            if (max == null || max < 1) {
                throw new IllegalArgumentException("action type '" + type + "': the " + windowId
                        + " cap must be at least 1");
            }
            caps.put(window.id(), max);
        });
        return new ActionType(type, points, caps);
    }

    /**
     * @param max at most this many accepted actions of the type per player and board in each period of a window
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ActionType(String type, long points, Map<String, Integer> max) {

        public ActionType {
            max = java.util.Collections.unmodifiableMap(new TreeMap<>(max));
        }

        public Optional<Integer> capIn(TimeWindow window) {
            return Optional.ofNullable(max.get(window.id()));
        }
    }
}
