package dev.leaderboard.query;

import dev.leaderboard.boards.BoardDirectory;
import dev.leaderboard.boards.LeaderboardDefinition;
import dev.leaderboard.boards.LeaderboardProperties;
import dev.leaderboard.query.limits.ReadFailures;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Optional;

/** The board directory of reads: on the read pool, and a {@code 503} when that pool cannot serve it. */
final class ReadBoardDirectory extends BoardDirectory {

    private final ReadFailures failures;

    ReadBoardDirectory(LeaderboardProperties properties, JdbcTemplate readPool, ReadFailures failures) {
        super(properties, readPool);
        this.failures = failures;
    }

    @Override
    public boolean exists(String leaderboardId) {
        return failures.translate(() -> super.exists(leaderboardId));
    }

    @Override
    public Optional<LeaderboardDefinition> find(String leaderboardId) {
        return failures.translate(() -> super.find(leaderboardId));
    }

    @Override
    public List<LeaderboardDefinition> all() {
        return failures.translate(super::all);
    }
}
