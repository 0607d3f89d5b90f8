package dev.leaderboard.command.leaderboards;

import dev.leaderboard.boards.BoardDirectory;
import dev.leaderboard.boards.LeaderboardDefinition;
import java.time.Instant;
import java.util.List;

/** Which leaderboards exist: the configured ones plus those operators defined. */
public interface LeaderboardCatalog {

    String GLOBAL = BoardDirectory.GLOBAL;

    boolean exists(String leaderboardId);

    /** Records a definition; called in the transaction that stores its {@code LeaderboardDefined} event. */
    void save(LeaderboardDefinition definition, Instant at);

    List<LeaderboardDefinition> all();
}
