package dev.leaderboard.command.flags;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** One flag as operators review it. The resolution fields are present once it is resolved. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FlagView(String id, String userId, String rule, Map<String, Object> evidence, Instant raisedAt,
                       Status status, String resolution, String reason, String resolvedBy, Instant resolvedAt) {

    public enum Status {
        OPEN, RESOLVED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
