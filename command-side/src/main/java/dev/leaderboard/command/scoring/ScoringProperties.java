package dev.leaderboard.command.scoring;

import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.Map;

/**
 * Server-side rules per action type; clients never send points. Either the points alone
 * ({@code leaderboard.scoring.action-types.quiz-completed=10}) or points and caps
 * ({@code daily-login: {points: 5, max: {daily: 1}}}). Environment override example:
 * {@code LEADERBOARD_SCORING_ACTIONTYPES_QUIZCOMPLETED=10} binds {@code quizcompleted}; use the YAML or
 * {@code SPRING_APPLICATION_JSON} for names with dashes.
 */
@Validated
@ConfigurationProperties("leaderboard.scoring")
public record ScoringProperties(@NotEmpty Map<String, ActionTypeSettings> actionTypes) {

    /**
     * @param points what one action of this type is worth
     * @param max    at most this many accepted actions of this type per player and board in each window
     *               ({@code daily}, {@code weekly}, {@code monthly}, {@code all-time}); none when absent
     */
    public record ActionTypeSettings(Long points, Map<String, Integer> max) {

        public ActionTypeSettings {
            max = max == null ? Map.of() : Map.copyOf(max);
        }
    }
}
