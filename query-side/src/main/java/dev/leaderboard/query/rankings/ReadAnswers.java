package dev.leaderboard.query.rankings;

import dev.leaderboard.boards.RankStyle;

import java.util.function.Supplier;

/**
 * The rankings, player and tiers reads, validated and answered as API.md defines them, for whichever front serves
 * them ({@link RankingsController}, or {@link HotReadsFilter} for the plain requests of the hottest routes).
 */
public class ReadAnswers {

    static final String USER_ID = "[A-Za-z0-9._-]{1,64}";
    private static final int MAX_LIMIT = 1000;
    private static final int MAX_CONTEXT = 50;

    /** A body with its entity tag, or only the tag when the client's {@code If-None-Match} already names it. */
    public record Answer(String etag, byte[] body) {
        public boolean notModified() {
            return body == null;
        }
    }

    private final SliceParser slices;
    private final RenderedReads reads;
    private final TierReads tiers;

    public ReadAnswers(SliceParser slices, RenderedReads reads, TierReads tiers) {
        this.slices = slices;
        this.reads = reads;
        this.tiers = tiers;
    }

    /** @param rankStyle {@code ordinal} (also when null), {@code competition} or {@code dense} */
    public Answer rankings(String id, String window, String period, String from, String to, String segment,
                           long offset, int limit, String rankStyle, String ifNoneMatch) {
        requirePage(offset, limit);
        RankStyle style = StyledRanks.parse(rankStyle);
        Slice slice = slices.parse(id, window, period, from, to, segment);
        return conditional(reads.knownEtag(slice), ifNoneMatch,
                () -> reads.rankings(slice, offset, limit, style));
    }

    /** The board's tiers with their rank ranges and cutoffs; {@code rankStyle} is checked, tiers cut by ordinal. */
    public Answer tiers(String id, String window, String period, String from, String to, String segment,
                        String rankStyle, String ifNoneMatch) {
        StyledRanks.parse(rankStyle);
        Slice slice = slices.parse(id, window, period, from, to, segment);
        return answer(tiers.tiers(slice), ifNoneMatch);
    }

    /** One page of a tier's players, in rank order; {@code offset} counts from the tier's first player. */
    public Answer tierPlayers(String id, String tier, String window, String period, String from, String to,
                              String segment, long offset, int limit, String rankStyle, String ifNoneMatch) {
        requirePage(offset, limit);
        RankStyle style = StyledRanks.parse(rankStyle);
        Slice slice = slices.parse(id, window, period, from, to, segment);
        return answer(tiers.players(slice, tier, offset, limit, style), ifNoneMatch);
    }

    /** @throws InvalidQueryException unless {@code offset} is 0 or more and {@code limit} 1..1000 */
    public static void requirePage(long offset, int limit) {
        if (offset < 0) {
            throw new InvalidQueryException("offset must be 0 or more, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
    }

    /** @throws InvalidQueryException unless {@code userId} is 1-64 of [A-Za-z0-9._-] */
    static void requireUserId(String userId) {
        if (userId == null || !userId.matches(USER_ID)) {
            throw new InvalidQueryException("userId must be 1-64 of [A-Za-z0-9._-]");
        }
    }

    public Answer player(String id, String userId, String window, String period, String from, String to,
                         String segment, int context, String rankStyle, String ifNoneMatch) {
        requireUserId(userId);
        if (context < 0 || context > MAX_CONTEXT) {
            throw new InvalidQueryException("context must be 0.." + MAX_CONTEXT + ", was " + context);
        }
        RankStyle style = StyledRanks.parse(rankStyle);
        Slice slice = slices.parse(id, window, period, from, to, segment);
        return conditional(reads.knownPlayerEtag(slice), ifNoneMatch,
                () -> reads.player(slice, userId, context, style));
    }

    /** {@code 304} from the version known in memory when the client has it; else the read, or 304 if it matches. */
    private static Answer conditional(String known, String ifNoneMatch, Supplier<Representation> read) {
        if (EntityTags.matches(ifNoneMatch, known)) {
            return new Answer(known, null);
        }
        return answer(read.get(), ifNoneMatch);
    }

    private static Answer answer(Representation representation, String ifNoneMatch) {
        return new Answer(representation.etag(), representation.matches(ifNoneMatch) ? null : representation.body());
    }
}
