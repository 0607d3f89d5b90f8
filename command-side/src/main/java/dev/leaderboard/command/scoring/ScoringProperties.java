package dev.leaderboard.command.scoring;

import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.Map;

/**
 * Server-side points per action type ({@code leaderboard.scoring.action-types.<type>=<points>}); clients never
 * send points. Environment override example: {@code LEADERBOARD_SCORING_ACTIONTYPES_QUIZCOMPLETED=10} binds
 * {@code quizcompleted}; use the YAML or {@code SPRING_APPLICATION_JSON} for names with dashes.
 */
@Validated
@ConfigurationProperties("leaderboard.scoring")
public record ScoringProperties(@NotEmpty Map<String, Long> actionTypes) {
}
