package dev.leaderboard.query.rankings;

import dev.leaderboard.boards.BoardDirectory;
import dev.leaderboard.boards.LeaderboardDefinition;
import dev.leaderboard.query.QueryProperties;
import dev.leaderboard.query.ReadPool;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping(path = "/api/v1/leaderboards", produces = MediaType.APPLICATION_JSON_VALUE)
public class RankingsController {

    static final String USER_ID = "[A-Za-z0-9._-]{1,64}";
    private static final int MAX_LIMIT = 1000;
    private static final int MAX_CONTEXT = 50;

    private final BoardDirectory boards;
    private final SliceParser slices;
    private final RenderedReads reads;
    private final CacheControl cacheControl;

    public RankingsController(@Qualifier(ReadPool.BOARDS) BoardDirectory boards, SliceParser slices,
                              RenderedReads reads, QueryProperties properties) {
        this.boards = boards;
        this.slices = slices;
        this.reads = reads;
        this.cacheControl = CacheControl.maxAge(properties.httpMaxAge());
    }

    @GetMapping
    public List<LeaderboardDefinition> leaderboards() {
        return boards.all();
    }

    @GetMapping("/{id}/rankings")
    public ResponseEntity<byte[]> rankings(@PathVariable String id,
                                     @RequestParam(required = false) String window,
                                     @RequestParam(required = false) String period,
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(defaultValue = "0") long offset,
                                     @RequestParam(defaultValue = "10") int limit,
                                     @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                                     String ifNoneMatch) {
        if (offset < 0) {
            throw new InvalidQueryException("offset must be 0 or more, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        Slice slice = slices.parse(id, window, period, from, to);
        if (EntityTags.matches(ifNoneMatch, reads.knownEtag(slice))) {
            return notModified(reads.knownEtag(slice));
        }
        return answer(reads.rankings(slice, offset, limit), ifNoneMatch);
    }

    @GetMapping("/{id}/players/{userId}")
    public ResponseEntity<byte[]> player(@PathVariable String id, @PathVariable String userId,
                                 @RequestParam(required = false) String window,
                                 @RequestParam(required = false) String period,
                                 @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to,
                                 @RequestParam(defaultValue = "5") int context,
                                 @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                                 String ifNoneMatch) {
        if (!userId.matches(USER_ID)) {
            throw new InvalidQueryException("userId must be 1-64 of [A-Za-z0-9._-]");
        }
        if (context < 0 || context > MAX_CONTEXT) {
            throw new InvalidQueryException("context must be 0.." + MAX_CONTEXT + ", was " + context);
        }
        Slice slice = slices.parse(id, window, period, from, to);
        if (EntityTags.matches(ifNoneMatch, reads.knownEtag(slice))) {
            return notModified(reads.knownEtag(slice));
        }
        return answer(reads.player(slice, userId, context), ifNoneMatch);
    }

    private ResponseEntity<byte[]> answer(Representation representation, String ifNoneMatch) {
        if (representation.matches(ifNoneMatch)) {
            return notModified(representation.etag());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).eTag(representation.etag())
                .cacheControl(cacheControl).body(representation.body());
    }

    private ResponseEntity<byte[]> notModified(String etag) {
        return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cacheControl).build();
    }
}
