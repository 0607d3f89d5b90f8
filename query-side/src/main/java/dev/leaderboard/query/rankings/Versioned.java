package dev.leaderboard.query.rankings;

import dev.leaderboard.projections.layout.BoardVersion;

/** A read's answer with the board version it was read at; {@code version} is null when PostgreSQL answered. */
public record Versioned<T>(T value, BoardVersion version) {
}
