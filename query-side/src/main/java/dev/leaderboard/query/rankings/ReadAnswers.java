package dev.leaderboard.query.rankings;

import java.util.function.Supplier;

/**
 * The rankings and player reads, validated and answered as API.md defines them, for whichever front serves them
 * ({@link RankingsController}, or {@link HotReadsFilter} for the plain requests of the hottest routes).
 */
public class ReadAnswers {

    static final String USER_ID = "[A-Za-z0-9._-]{1,64}";
    public static final int MAX_LIMIT = 1000;
    private static final int MAX_CONTEXT = 50;

    /** A body with its entity tag, or only the tag when the client's {@code If-None-Match} already names it. */
    public record Answer(String etag, byte[] body) {
        public boolean notModified() {
            return body == null;
        }
    }

    private final SliceParser slices;
    private final RenderedReads reads;

    public ReadAnswers(SliceParser slices, RenderedReads reads) {
        this.slices = slices;
        this.reads = reads;
    }

    public Answer rankings(String id, String window, String period, String from, String to, long offset, int limit,
                           String ifNoneMatch) {
        if (offset < 0) {
            throw new InvalidQueryException("offset must be 0 or more, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        Slice slice = slices.parse(id, window, period, from, to);
        return conditional(slice, ifNoneMatch, () -> reads.rankings(slice, offset, limit));
    }

    /** @throws InvalidQueryException unless {@code userId} is 1-64 of [A-Za-z0-9._-] */
    static void requireUserId(String userId) {
        if (userId == null || !userId.matches(USER_ID)) {
            throw new InvalidQueryException("userId must be 1-64 of [A-Za-z0-9._-]");
        }
    }

    public Answer player(String id, String userId, String window, String period, String from, String to,
                         int context, String ifNoneMatch) {
        requireUserId(userId);
        if (context < 0 || context > MAX_CONTEXT) {
            throw new InvalidQueryException("context must be 0.." + MAX_CONTEXT + ", was " + context);
        }
        Slice slice = slices.parse(id, window, period, from, to);
        return conditional(slice, ifNoneMatch, () -> reads.player(slice, userId, context));
    }

    /** {@code 304} from the version known in memory when the client has it; else the read, or 304 if it matches. */
    private Answer conditional(Slice slice, String ifNoneMatch, Supplier<Representation> read) {
        String known = reads.knownEtag(slice);
        if (EntityTags.matches(ifNoneMatch, known)) {
            return new Answer(known, null);
        }
        Representation representation = read.get();
        return new Answer(representation.etag(), representation.matches(ifNoneMatch) ? null : representation.body());
    }
}
