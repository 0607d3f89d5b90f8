package dev.leaderboard.command.scoring;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

import java.util.Map;
import java.util.Set;

/**
 * Lets an action type be configured by its points alone ({@code quiz-completed: 10} in YAML, a number, or
 * {@code ...quiz-completed=10} in properties and environment variables, a string): the common case.
 */
@ConfigurationPropertiesBinding
public class ActionTypeSettingsConverter implements GenericConverter {

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, ScoringProperties.ActionTypeSettings.class),
                new ConvertiblePair(Number.class, ScoringProperties.ActionTypeSettings.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        try {
            long points = source instanceof Number n ? n.longValue() : Long.parseLong(source.toString().trim());
            return new ScoringProperties.ActionTypeSettings(points, Map.of());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("points must be a whole number, not '" + source + "'");
        }
    }
}
