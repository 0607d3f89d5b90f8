package dev.leaderboard.query.export;

import dev.leaderboard.query.rankings.PostgresRankings;
import dev.leaderboard.query.rankings.Slice;
import dev.leaderboard.query.rankings.SliceParser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** {@code GET /api/v1/leaderboards/{id}/export}: a whole board in rank order, through {@link ExportStreams}. */
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
                                                        @RequestParam(required = false) String window,
                                                        @RequestParam(required = false) String period,
                                                        @RequestParam(required = false) String from,
                                                        @RequestParam(required = false) String to,
                                                        @RequestParam(defaultValue = "ndjson") String format,
                                                        HttpServletRequest request) {
        boolean csv = ExportStreams.isCsv(format);
        Slice slice = slices.parse(id, window, period, from, to);
        String name = "%s-%s-%s".formatted(id, slice.window(), slice.view().key().replace("..", "_"));
        return streams.stream(name, csv, (connection, rows) -> postgres.streamAll(connection, slice, rows), request);
    }

    /** Exports streaming now on this instance. */
    public int exportsInUse() {
        return streams.inUse();
    }
}
