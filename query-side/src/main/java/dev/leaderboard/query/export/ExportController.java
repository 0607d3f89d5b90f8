package dev.leaderboard.query.export;

import dev.leaderboard.query.rankings.InvalidQueryException;
import dev.leaderboard.query.rankings.PostgresRankings;
import dev.leaderboard.query.rankings.RankedEntry;
import dev.leaderboard.query.rankings.Slice;
import dev.leaderboard.query.rankings.SliceParser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Streams a whole board in rank order from one consistent PostgreSQL snapshot (a read-only repeatable-read
 * transaction and a cursor), so memory stays constant and ranks do not shift while a large export runs.
 */
@RestController
public class ExportController {

    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final SliceParser slices;
    private final PostgresRankings postgres;
    private final TransactionTemplate snapshot;

    public ExportController(SliceParser slices, PostgresRankings postgres, TransactionTemplate transactions) {
        this.slices = slices;
        this.postgres = postgres;
        this.snapshot = new TransactionTemplate(transactions.getTransactionManager());
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    @GetMapping("/api/v1/leaderboards/{id}/export")
    public ResponseEntity<StreamingResponseBody> export(@PathVariable String id,
                                                        @RequestParam(required = false) String window,
                                                        @RequestParam(required = false) String period,
                                                        @RequestParam(required = false) String from,
                                                        @RequestParam(required = false) String to,
                                                        @RequestParam(defaultValue = "ndjson") String format) {
        boolean csv = switch (format) {
            case "csv" -> true;
            case "ndjson" -> false;
            default -> throw new InvalidQueryException("format must be ndjson or csv, was '" + format + "'");
        };
        Slice slice = slices.parse(id, window, period, from, to);
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            if (csv) {
                writer.write("rank,userId,score\n");
            }
            snapshot.executeWithoutResult(status -> postgres.streamAll(slice, entry -> write(writer, entry, csv)));
            writer.flush();
        };
        String filename = "%s-%s-%s.%s".formatted(id, slice.window(), slice.view().key().replace("..", "_"),
                csv ? "csv" : "ndjson");
        return ResponseEntity.ok()
                .contentType(csv ? CSV : NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(body);
    }

    private static void write(Writer writer, RankedEntry entry, boolean csv) {
        try {
            if (csv) {
                writer.write(entry.rank() + "," + CsvCells.text(entry.userId()) + "," + entry.score() + "\n");
            } else {
                writer.write("{\"rank\":" + entry.rank() + ",\"userId\":\"" + entry.userId() + "\",\"score\":"
                        + entry.score() + "}\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
