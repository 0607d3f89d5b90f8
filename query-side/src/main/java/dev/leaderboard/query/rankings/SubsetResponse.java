package dev.leaderboard.query.rankings;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;

/** {@code POST …/rankings/subset}: the given players in rank order, their rank on the board and among themselves. */
public record SubsetResponse(String leaderboardId, @JsonInclude(JsonInclude.Include.NON_NULL) String segment,
                             String window, Slice.PeriodView period, long totalPlayers, List<Entry> entries,
                             List<String> missing) {

    /** @param subsetRank 1 for the best of the given players (board ranks are unique, so no ties) */
    public record Entry(String userId, long rank, long score, int subsetRank) {
    }

    static SubsetResponse of(Slice slice, SubsetRanks ranks) {
        List<Entry> entries = new ArrayList<>(ranks.found().size());
        for (RankedEntry entry : ranks.found()) {
            entries.add(new Entry(entry.userId(), entry.rank(), entry.score(), entries.size() + 1));
        }
        return new SubsetResponse(slice.boardId(), slice.segment(), slice.window(), slice.view(),
                ranks.totalPlayers(), entries, ranks.missing());
    }
}
