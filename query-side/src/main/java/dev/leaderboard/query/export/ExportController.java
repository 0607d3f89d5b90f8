package dev.leaderboard.query.export;

import dev.leaderboard.boards.RankStyle;
import dev.leaderboard.query.QueryProperties;
import dev.leaderboard.query.ReadPool;
import dev.leaderboard.query.limits.Permits;
import dev.leaderboard.query.limits.ReadFailures;
import dev.leaderboard.query.rankings.InvalidQueryException;
import dev.leaderboard.query.rankings.PostgresRankings;
import dev.leaderboard.query.rankings.RankedEntry;
import dev.leaderboard.query.rankings.Slice;
import dev.leaderboard.query.rankings.SliceParser;
import dev.leaderboard.query.rankings.StyledRanks;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.async.CallableProcessingInterceptor;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import javax.sql.DataSource;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;

/**
 * Streams a whole board in rank order from one consistent PostgreSQL snapshot (a read-only repeatable-read
 * transaction and a cursor on the read pool), so memory stays constant and ranks do not shift while a large export
 * runs. At most {@code max-concurrent-exports} stream at once; the permit and the connection are taken before the
 * response starts, so a refusal (cap, no connection) is a clean {@code 503}. The transaction's
 * {@code statement_timeout} bounds each fetch round; a timeout before the first 64 KiB were sent is a {@code 503}
 * too, a later one can only cut the stream short (the chunked response ends without its last chunk). Ranks are
 * numbered in the requested style as the rows go by, from the top.
 */
@RestController
public class ExportController {

    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final SliceParser slices;
    private final PostgresRankings postgres;
    private final DataSource readPool;
    private final Permits exports;
    private final ReadFailures failures;
    private final long statementTimeoutMillis;
    private final SQLExceptionTranslator translator = new SQLExceptionSubclassTranslator();

    public ExportController(SliceParser slices, PostgresRankings postgres,
                            @Qualifier(ReadPool.DATA_SOURCE) DataSource readPool, QueryProperties properties) {
        this.slices = slices;
        this.postgres = postgres;
        this.readPool = readPool;
        this.exports = new Permits("exports", properties.maxConcurrentExports(), properties.retryAfter());
        this.failures = new ReadFailures(properties.retryAfter());
        this.statementTimeoutMillis = properties.exportStatementTimeout().toMillis();
    }

    @GetMapping("/api/v1/leaderboards/{id}/export")
    public ResponseEntity<StreamingResponseBody> export(@PathVariable String id,
                                                        @RequestParam(required = false) String window,
                                                        @RequestParam(required = false) String period,
                                                        @RequestParam(required = false) String from,
                                                        @RequestParam(required = false) String to,
                                                        @RequestParam(required = false) String segment,
                                                        @RequestParam(defaultValue = "ndjson") String format,
                                                        @RequestParam(required = false) String rankStyle,
                                                        HttpServletRequest request) {
        boolean csv = switch (format) {
            case "csv" -> true;
            case "ndjson" -> false;
            default -> throw new InvalidQueryException("format must be ndjson or csv, was '" + format + "'");
        };
        RankStyle style = StyledRanks.parse(rankStyle);
        Slice slice = slices.parse(id, window, period, from, to, segment);
        String filename = "%s-%s-%s.%s".formatted(slice.leaderboardId(), slice.window(),
                slice.view().key().replace("..", "_"), csv ? "csv" : "ndjson");
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(csv ? CSV : NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");

        // Last, so nothing can fail between taking the lease and handing it to the async request that frees it.
        ExportLease lease = admit();
        WebAsyncUtils.getAsyncManager(request).registerCallableInterceptor(ExportLease.class.getName(),
                new CallableProcessingInterceptor() {
                    @Override
                    public <T> void afterCompletion(NativeWebRequest webRequest, Callable<T> task) {
                        lease.requestCompleted();
                    }
                });
        StreamingResponseBody body = out -> {
            if (!lease.startStreaming()) {
                return;
            }
            try {
                Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
                if (csv) {
                    writer.write("rank,userId,score\n");
                }
                RankStyle.Numbering ranks = style.fromTop();
                postgres.streamAll(lease.connection(), slice, entry -> write(writer,
                        new RankedEntry(ranks.next(entry.score()), entry.userId(), entry.score()), csv));
                writer.flush();
            } catch (DataAccessException e) {
                throw failures.translate(e);
            } finally {
                lease.endStreaming();
            }
        };
        return response.body(body);
    }

    /** Exports streaming now on this instance. */
    public int exportsInUse() {
        return exports.inUse();
    }

    /** A permit and a read-pool connection in the export's transaction, or a 503 saying which one is missing. */
    private ExportLease admit() {
        Permits.Permit permit = exports.acquire();
        Connection connection = null;
        try {
            connection = readPool.getConnection();
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL statement_timeout = " + statementTimeoutMillis);
            }
            return new ExportLease(permit, connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            permit.close();
            DataAccessException translated = translator.translate("export", null, e);
            throw failures.translate(translated != null ? translated
                    : new DataAccessResourceFailureException("export", e));
        } catch (RuntimeException e) {
            closeQuietly(connection);
            permit.close();
            throw e;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the pool replaces a broken connection
            }
        }
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
