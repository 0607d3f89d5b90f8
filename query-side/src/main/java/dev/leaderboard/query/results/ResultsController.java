package dev.leaderboard.query.results;

import dev.leaderboard.boards.RankStyle;
import dev.leaderboard.query.export.ExportStreams;
import dev.leaderboard.query.rankings.EntityTags;
import dev.leaderboard.query.rankings.InvalidQueryException;
import dev.leaderboard.query.rankings.PageParameters;
import dev.leaderboard.query.rankings.PeriodParameters;
import dev.leaderboard.query.rankings.RankStyleParameter;
import dev.leaderboard.query.rankings.ReadAnswers;
import dev.leaderboard.query.rankings.Slice;
import dev.leaderboard.query.rankings.SliceParser;
import dev.leaderboard.query.rankings.StyledRanks;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Clock;
import java.time.Duration;

/**
 * The frozen final standings of closed periods. They never change, so answers carry a strong ETag (the digest and
 * the page asked for) and a long max-age.
 */
@RestController
public class ResultsController {

    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).immutable();

    private final SliceParser slices;
    private final PeriodResultReads results;
    private final ExportStreams streams;
    private final Clock clock;

    public ResultsController(SliceParser slices, PeriodResultReads results, ExportStreams streams, Clock clock) {
        this.slices = slices;
        this.results = results;
        this.streams = streams;
        this.clock = clock;
    }

    @GetMapping("/api/v1/leaderboards/{id}/results")
    public ResponseEntity<ResultsResponse> results(@PathVariable String id,
                                                   @ParameterObject PeriodParameters closed,
                                                   @ParameterObject PageParameters page,
                                                   @ParameterObject RankStyleParameter rankStyle,
                                                   @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                                                   String ifNoneMatch) {
        long offset = page.offset();
        int limit = page.limit();
        ReadAnswers.requirePage(offset, limit);
        RankStyle style = StyledRanks.parse(rankStyle.rankStyle());
        Slice.OfPeriod slice = slices.closablePeriod(id, closed.window(), closed.period(), closed.segment());
        PeriodResultReads.Header header = closed(slice);
        String etag = "\"" + header.digest() + "-" + style.id() + "-" + offset + "-" + limit + "\"";
        if (EntityTags.matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(IMMUTABLE).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(IMMUTABLE).body(new ResultsResponse(slice.boardId(),
                slice.segment(), slice.window(),
                slice.period().key(), header.closedAt(), header.digest(), header.totalPlayers(), header.tiers(),
                style.id(), offset, limit, results.page(slice, style, offset, limit)));
    }

    /** Every frozen row ({@code rank,userId,score}, ordinal ranks: the digest's lines), streamed. */
    @GetMapping("/api/v1/leaderboards/{id}/results/export")
    public ResponseEntity<StreamingResponseBody> export(@PathVariable String id,
                                                        @ParameterObject PeriodParameters closed,
                                                        @RequestParam(defaultValue = "ndjson") String format,
                                                        HttpServletRequest request) {
        boolean csv = ExportStreams.isCsv(format);
        Slice.OfPeriod slice = slices.closablePeriod(id, closed.window(), closed.period(), closed.segment());
        closed(slice);
        return streams.stream("%s-%s-%s-results".formatted(slice.leaderboardId(), slice.window(),
                slice.period().key()), csv,
                (connection, rows) -> results.streamAll(connection, slice, rows), request);
    }

    private PeriodResultReads.Header closed(Slice.OfPeriod slice) {
        return results.header(slice).orElseThrow(() -> new PeriodNotClosedException(
                clock.instant().isBefore(slice.period().end())
                        ? "%s period %s is open until %s".formatted(slice.window(), slice.period().key(),
                        slice.period().end())
                        : "%s period %s ended at %s and is not closed yet (it closes after a grace period)"
                        .formatted(slice.window(), slice.period().key(), slice.period().end())));
    }
}
