package dev.leaderboard.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The group-commit settings ({@code leaderboard.commands.batching.*}) the started server runs with, for the report:
 * {@code CommandProperties.Batching}'s defaults (the server's application.yml sets none), overridden by the
 * environment the server inherits and by {@code --server-arg}s.
 */
final class CommandBatching {

    static final String PREFIX = "leaderboard.commands.batching.";
    /** The defaults of {@code CommandProperties.Batching}. */
    static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("workers", "2");
        defaults.put("max-size", "250");
        defaults.put("linger", "1ms");
        defaults.put("queue-capacity", "5000");
        return defaults;
    }

    private CommandBatching() {
    }

    static String describe(List<String> serverArguments, Map<String, String> env) {
        return DEFAULTS.entrySet().stream()
                .map(e -> e.getKey() + "=" + value(e.getKey(), e.getValue(), serverArguments, env))
                .collect(Collectors.joining(", "));
    }

    static String value(String name, String fallback, List<String> serverArguments, Map<String, String> env) {
        String value = fallback;
        String envName = (PREFIX + name).toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "");
        String envNameDashed = (PREFIX + name).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        value = env.getOrDefault(envNameDashed, env.getOrDefault(envName, value));
        String camel = name.contains("-") ? name.substring(0, name.indexOf('-'))
                + Character.toUpperCase(name.charAt(name.indexOf('-') + 1)) + name.substring(name.indexOf('-') + 2)
                : name;
        for (String argument : serverArguments) {
            for (String key : new String[]{PREFIX + name, PREFIX + camel}) {
                if (argument.startsWith("--" + key + "=")) {
                    value = argument.substring(key.length() + 3);
                }
            }
        }
        return value;
    }
}
