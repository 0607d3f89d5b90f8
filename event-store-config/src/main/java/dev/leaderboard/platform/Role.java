package dev.leaderboard.platform;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What an instance of the one server artifact does, set by {@code leaderboard.roles} (default: all of them).
 * Run {@code command} on some instances and {@code query,projections} on others, or everything on one.
 */
public enum Role {
    COMMAND, QUERY, PROJECTIONS;

    public static final String PROPERTY = "leaderboard.roles";

    public static Role parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown role '" + value + "' in " + PROPERTY + "; expected command, query or projections");
        }
    }

    public static Set<Role> all() {
        return EnumSet.allOf(Role.class);
    }
}
