package dev.leaderboard.query.export;

import dev.leaderboard.boards.RankStyle;
import dev.leaderboard.query.rankings.RankedEntry;
import dev.leaderboard.query.rankings.PostgresRankings;
import dev.leaderboard.query.rankings.RankStyleParameter;
import dev.leaderboard.query.rankings.Slice;
import dev.leaderboard.query.rankings.SliceParameters;
import dev.leaderboard.query.rankings.SliceParser;
import dev.leaderboard.query.rankings.StyledRanks;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/v1/leaderboards/{id}/export}: a whole board in rank order, through {@link ExportStreams}; ranks are
 * numbered in the requested style as the rows go by, from the top.
 */
@RestController
public class ExportController {

    private final SliceParser slices;
    private final PostgresRankings postgres;
    private final ExportStreams streams;

    public ExportController(SliceParser slices, PostgresRankings postgres, ExportStreams streams) {
        this.slices = slices;
        this.postgres = postgres;
        this.streams = streams;
    }

    @GetMapping("/api/v1/leaderboards/{id}/export")
    public ResponseEntity<StreamingResponseBody> export(@PathVariable String id,
                                                        @ParameterObject SliceParameters board,
                                                        @RequestParam(defaultValue = "ndjson") String format,
                                                        @ParameterObject RankStyleParameter rankStyle,
                                                        HttpServletRequest request) {
        boolean csv = ExportStreams.isCsv(format);
        RankStyle style = StyledRanks.parse(rankStyle.rankStyle());
        Slice slice = board.parse(slices, id);
        String name = "%s-%s-%s".formatted(slice.leaderboardId(), slice.window(),
                slice.view().key().replace("..", "_"));
        return streams.stream(name, csv, (connection, rows) -> {
            RankStyle.Numbering ranks = style.fromTop();
            postgres.streamAll(connection, slice, entry -> rows.accept(
                    new RankedEntry(ranks.next(entry.score()), entry.userId(), entry.score())));
        }, request);
    }

    /** Exports streaming now on this instance. */
    public int exportsInUse() {
        return streams.inUse();
    }
}
