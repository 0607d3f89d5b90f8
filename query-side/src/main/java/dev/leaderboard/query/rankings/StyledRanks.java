package dev.leaderboard.query.rankings;

import dev.leaderboard.boards.RankStyle;

import java.util.ArrayList;
import java.util.List;

/**
 * Rank numbers of a {@link RankStyle} for consecutive rows read with their ordinal ranks. Only the first row's style
 * rank needs the rest of the board: 1 + the players with a strictly higher score (competition) or 1 + the distinct
 * higher scores (dense); {@link RankStyle.Numbering} numbers the rows after it.
 */
public final class StyledRanks {

    private StyledRanks() {
    }

    /** The {@code rankStyle} parameter: {@code ordinal} when absent. */
    public static RankStyle parse(String rankStyle) {
        if (rankStyle == null || rankStyle.isEmpty()) {
            return RankStyle.ORDINAL;
        }
        return RankStyle.fromId(rankStyle).orElseThrow(() -> new InvalidQueryException(
                "unknown rankStyle '" + rankStyle + "'; use ordinal, competition or dense"));
    }

    /**
     * The rows numbered in {@code style}.
     *
     * @param above what the style counts above the first row: players with a higher score (competition), distinct
     *              higher scores (dense); unused for ordinal
     */
    public static List<RankedEntry> restyle(List<RankedEntry> rows, RankStyle style, long above) {
        if (style == RankStyle.ORDINAL || rows.isEmpty()) {
            return rows;
        }
        RankedEntry first = rows.get(0);
        RankStyle.Numbering numbering = style.numbering(first.rank() - 1, above + 1, first.score());
        List<RankedEntry> styled = new ArrayList<>(rows.size());
        for (RankedEntry row : rows) {
            styled.add(new RankedEntry(numbering.next(row.score()), row.userId(), row.score()));
        }
        return styled;
    }
}
