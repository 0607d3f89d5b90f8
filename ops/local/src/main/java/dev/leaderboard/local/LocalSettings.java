package dev.leaderboard.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * Local mode's settings, from environment variables with documented defaults.
 *
 * @param dataDirectory  {@code LEADERBOARD_DATA_DIR} (default {@code ./.leaderboard-data}): PostgreSQL's data
 *                       ({@code postgres/}) and Kafka's log ({@code kafka/}), kept across restarts
 * @param postgresPort   {@code LEADERBOARD_LOCAL_POSTGRES_PORT} (default 15432)
 * @param redisPort      {@code LEADERBOARD_LOCAL_REDIS_PORT} (default 16379)
 * @param kafkaPort      {@code LEADERBOARD_LOCAL_KAFKA_PORT} (default 19092)
 */
public record LocalSettings(Path dataDirectory, int postgresPort, int redisPort, int kafkaPort) {

    public static LocalSettings from(Map<String, String> env) {
        return new LocalSettings(
                Path.of(env.getOrDefault("LEADERBOARD_DATA_DIR", ".leaderboard-data")).toAbsolutePath(),
                port(env, "LEADERBOARD_LOCAL_POSTGRES_PORT", 15432),
                port(env, "LEADERBOARD_LOCAL_REDIS_PORT", 16379),
                port(env, "LEADERBOARD_LOCAL_KAFKA_PORT", 19092));
    }

    /** PostgreSQL's data directory: {@code <data dir>/postgres}. */
    public Path postgresDirectory() {
        return dataDirectory.resolve("postgres");
    }

    /** Kafka's log directory ({@code log.dirs}): {@code <data dir>/kafka}. */
    public Path kafkaDirectory() {
        return dataDirectory.resolve("kafka");
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, was '" + value + "'");
        }
    }
}
