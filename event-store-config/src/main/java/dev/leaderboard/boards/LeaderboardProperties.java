package dev.leaderboard.boards;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * Leaderboards that exist by configuration ({@code leaderboard.boards.<id>.name/description}). {@code global}
 * always exists, configured or not.
 */
@ConfigurationProperties("leaderboard")
public record LeaderboardProperties(Map<String, Board> boards) {

    public LeaderboardProperties {
        boards = boards == null ? Map.of() : Map.copyOf(boards);
    }

    public record Board(String name, String description) {
    }
}
