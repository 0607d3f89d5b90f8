package dev.leaderboard.command.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ActionTypesTest {

    @Test
    void pointsComeFromTheConfiguration() {
        ActionTypes types = ActionTypes.ofPoints(Map.of("quiz-completed", 10L, "level-up", 25L));

        assertThat(types.pointsFor("quiz-completed")).contains(10L);
        assertThat(types.pointsFor("level-up")).contains(25L);
    }

    @Test
    void unconfiguredTypeHasNoPoints() {
        ActionTypes types = ActionTypes.ofPoints(Map.of("quiz-completed", 10L));

        assertThat(types.pointsFor("quiz-started")).isEmpty();
        assertThat(types.pointsFor("Quiz-Completed")).isEmpty();
    }

    @Test
    void listIsSortedByType() {
        ActionTypes types = ActionTypes.ofPoints(Map.of("quiz-completed", 10L, "level-up", 25L, "a.b_c", 1L));

        assertThat(types.list()).containsExactly(
                new ActionTypes.ActionType("a.b_c", 1, Map.of()),
                new ActionTypes.ActionType("level-up", 25, Map.of()),
                new ActionTypes.ActionType("quiz-completed", 10, Map.of()));
    }

    @Test
    void laterChangesToTheGivenMapDoNotChangeTheRules() {
        Map<String, Long> configured = new HashMap<>(Map.of("quiz-completed", 10L));
        ActionTypes types = ActionTypes.ofPoints(configured);

        configured.put("quiz-completed", 1_000L);
        configured.put("level-up", 25L);

        assertThat(types.pointsFor("quiz-completed")).contains(10L);
        assertThat(types.pointsFor("level-up")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"quiz-completed", "0", "level.up_2", "a234567890123456789012345678901234567890123456789012345678901234"})
    void wellFormedTypeNamesAreAccepted(String type) {
        assertThat(ActionTypes.ofPoints(Map.of(type, 1L)).pointsFor(type)).contains(1L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Quiz", "-quiz", ".quiz", "_quiz", "quiz completed", "quiz:done", "quiz/done",
            "a2345678901234567890123456789012345678901234567890123456789012345"})
    void malformedTypeNamesAreRejected(String type) {
        assertThatIllegalArgumentException().isThrownBy(() -> ActionTypes.ofPoints(Map.of(type, 1L)))
                .withMessageContaining("'" + type + "'");
    }

    @Test
    void pointsFromOneToAMillionAreAccepted() {
        ActionTypes types = ActionTypes.ofPoints(Map.of("min", 1L, "max", 1_000_000L));

        assertThat(types.pointsFor("min")).contains(1L);
        assertThat(types.pointsFor("max")).contains(1_000_000L);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 1_000_001, Long.MAX_VALUE, Long.MIN_VALUE})
    void pointsOutsideOneToAMillionAreRejected(long points) {
        assertThatIllegalArgumentException().isThrownBy(() -> ActionTypes.ofPoints(Map.of("quiz", points)))
                .withMessageContaining("1..1000000");
    }

    @Test
    void missingPointsAreRejected() {
        Map<String, Long> configured = new HashMap<>();
        configured.put("quiz", null);

        assertThatIllegalArgumentException().isThrownBy(() -> ActionTypes.ofPoints(configured));
    }
}
