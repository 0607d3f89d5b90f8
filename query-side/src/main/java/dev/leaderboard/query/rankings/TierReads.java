package dev.leaderboard.query.rankings;

import dev.leaderboard.boards.RankStyle;
import dev.leaderboard.boards.Tier;
import dev.leaderboard.boards.TierRange;
import dev.leaderboard.boards.Tiers;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The tiers reads. A tier's ranks depend on the board's size, so a read first learns the size, then reads the
 * cutoffs (or the page) with the size they were read at, and starts again with the new size when the two differ
 * (a player joined in between), at most {@link #ATTEMPTS} times. Their entity tags are digests of the body: the
 * body depends on the board's definition too, which the board version does not follow.
 */
public class TierReads {

    static final int ATTEMPTS = 3;

    private final Rankings rankings;
    private final Function<String, List<Tier>> tiersOf;
    private final RenderedReads rendering;

    /** @param tiersOf a board's tiers, by its id */
    public TierReads(Rankings rankings, Function<String, List<Tier>> tiersOf, RenderedReads rendering) {
        this.rankings = rankings;
        this.tiersOf = tiersOf;
        this.rendering = rendering;
    }

    public Representation tiers(Slice slice) {
        List<Tier> tiers = tiersOf.apply(slice.boardId());
        long total = size(slice);
        for (int attempt = 1; ; attempt++) {
            List<TierRange> ranges = Tiers.ranges(tiers, total);
            List<Long> cutoffs = ranges.stream().filter(r -> !r.isEmpty()).map(TierRange::toRank).toList();
            RankScores scores = cutoffs.isEmpty() ? new RankScores(total, Map.of())
                    : rankings.scoresAt(slice, cutoffs).value();
            if (scores.totalPlayers() == total || attempt == ATTEMPTS) {
                List<TiersResponse.TierView> views = ranges.stream().map(r -> new TiersResponse.TierView(r.name(),
                        r.fromRank(), r.toRank(), r.isEmpty() ? null : scores.scoreAt().get(r.toRank()), r.players()))
                        .toList();
                return digestTagged(new TiersResponse(slice.boardId(), slice.segment(), slice.window(),
                        slice.view(), total, views));
            }
            total = scores.totalPlayers();
        }
    }

    public Representation players(Slice slice, String tierName, long offset, int limit, RankStyle style) {
        List<Tier> tiers = tiersOf.apply(slice.boardId());
        if (tiers.stream().noneMatch(t -> t.name().equals(tierName))) {
            throw new NotFoundException("leaderboard '" + slice.boardId() + "' has no tier '" + tierName + "'");
        }
        long total = size(slice);
        for (int attempt = 1; ; attempt++) {
            TierRange range = Tiers.ranges(tiers, total).stream().filter(r -> r.name().equals(tierName))
                    .findFirst().orElseThrow();
            long left = range.players() - offset;
            RankingPage page = left <= 0 ? new RankingPage(total, List.of()) : rankings.page(slice,
                    range.fromRank() - 1 + offset, (int) Math.min(limit, left), style).value();
            if (page.totalPlayers() == total || attempt == ATTEMPTS) {
                return digestTagged(new TierPlayersResponse(slice.boardId(), slice.segment(), slice.window(), slice.view(),
                        tierName, range.fromRank(), range.toRank(), range.players(), total, offset, limit,
                        page.entries()));
            }
            total = page.totalPlayers();
        }
    }

    private long size(Slice slice) {
        return rankings.scoresAt(slice, List.of()).value().totalPlayers();
    }

    private Representation digestTagged(Object response) {
        return Representation.of(rendering.bytes(response), null);
    }
}
