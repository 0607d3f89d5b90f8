package dev.leaderboard.query.rankings;

import io.swagger.v3.oas.annotations.media.Schema;

/** Which rows of a ranking: from the 0-based {@code offset}, at most {@code limit} ({@link ReadAnswers#requirePage}). */
public record PageParameters(@Schema(defaultValue = "0") Long offset, @Schema(defaultValue = "10") Integer limit) {

    public PageParameters {
        offset = offset == null ? 0 : offset;
        limit = limit == null ? 10 : limit;
    }
}
