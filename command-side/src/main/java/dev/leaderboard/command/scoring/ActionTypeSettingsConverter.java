package dev.leaderboard.command.scoring;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;

import java.util.Map;

/** Lets an action type be configured by its points alone ({@code quiz-completed: 10}), the common case. */
@ConfigurationPropertiesBinding
public class ActionTypeSettingsConverter implements Converter<String, ScoringProperties.ActionTypeSettings> {

    @Override
    public ScoringProperties.ActionTypeSettings convert(String points) {
        try {
            return new ScoringProperties.ActionTypeSettings(Long.valueOf(points.trim()), Map.of());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("points must be a whole number, not '" + points + "'");
        }
    }
}
