package dev.leaderboard.boards;

import java.util.Arrays;
import java.util.Optional;

/**
 * How ranks are numbered on reads. Rows are always in the same order (score descending, then who reached it first);
 * only the numbers differ where scores tie: {@code ordinal} 1234 (unique, the default), {@code competition} 1224,
 * {@code dense} 1223.
 */
public enum RankStyle {

    ORDINAL("ordinal"), COMPETITION("competition"), DENSE("dense");

    private final String id;

    RankStyle(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<RankStyle> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    /**
     * Numbers consecutive rows of one board in rank order. Start it with the style rank of the row before the first
     * one (and that row's score), or with {@link #fromTop()} for a walk from rank 1.
     */
    public Numbering numbering(long previousOrdinal, long previousStyleRank, Long previousScore) {
        return new Numbering(this, previousOrdinal, previousStyleRank, previousScore);
    }

    public Numbering fromTop() {
        return numbering(0, 0, null);
    }

    /** Style ranks of rows met in rank order. */
    public static final class Numbering {
        private final RankStyle style;
        private long ordinal;
        private long styleRank;
        private Long score;

        private Numbering(RankStyle style, long ordinal, long styleRank, Long score) {
            this.style = style;
            this.ordinal = ordinal;
            this.styleRank = styleRank;
            this.score = score;
        }

        /** The style rank of the next row, whose score is {@code next}. */
        public long next(long next) {
            ordinal++;
            boolean tie = score != null && score == next;
            styleRank = switch (style) {
                case ORDINAL -> ordinal;
                case COMPETITION -> tie ? styleRank : ordinal;
                case DENSE -> tie ? styleRank : styleRank + 1;
            };
            score = next;
            return styleRank;
        }
    }
}
