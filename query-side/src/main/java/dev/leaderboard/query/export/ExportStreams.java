package dev.leaderboard.query.export;

import dev.leaderboard.query.QueryProperties;
import dev.leaderboard.query.limits.Permits;
import dev.leaderboard.query.limits.ReadFailures;
import dev.leaderboard.query.rankings.InvalidQueryException;
import dev.leaderboard.query.rankings.PostgresRankings;
import dev.leaderboard.query.rankings.RankedEntry;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
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
 * Streams ranked rows as NDJSON or CSV from one consistent PostgreSQL snapshot (a read-only repeatable-read
 * transaction and a cursor on the read pool), so memory stays constant and ranks do not shift while a large export
 * runs. At most {@code max-concurrent-exports} stream at once; the permit and the connection are taken before the
 * response starts, so a refusal (cap, no connection) is a clean {@code 503}. The transaction's
 * {@code statement_timeout} bounds each fetch round; a timeout before the first 64 KiB were sent is a {@code 503}
 * too, a later one can only cut the stream short (the chunked response ends without its last chunk).
 */
public class ExportStreams {

    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final DataSource readPool;
    private final Permits exports;
    private final ReadFailures failures;
    private final long statementTimeoutMillis;
    private final SQLExceptionTranslator translator = new SQLExceptionSubclassTranslator();

    public ExportStreams(DataSource readPool, QueryProperties properties) {
        this.readPool = readPool;
        this.exports = new Permits("exports", properties.maxConcurrentExports(), properties.retryAfter());
        this.failures = new ReadFailures(properties.retryAfter());
        this.statementTimeoutMillis = properties.exportStatementTimeout().toMillis();
    }

    /** Rows in rank order, read through the export's connection (its transaction and snapshot). */
    @FunctionalInterface
    public interface Rows {
        void stream(Connection snapshot, PostgresRankings.RowConsumer consumer);
    }

    /** True for {@code csv}, false for {@code ndjson}; anything else is a 400. */
    public static boolean isCsv(String format) {
        return switch (format) {
            case "csv" -> true;
            case "ndjson" -> false;
            default -> throw new InvalidQueryException("format must be ndjson or csv, was '" + format + "'");
        };
    }

    /** The export's response, named {@code <name>.csv} or {@code <name>.ndjson}. Call it after validating input. */
    public ResponseEntity<StreamingResponseBody> stream(String name, boolean csv, Rows rows,
                                                        HttpServletRequest request) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(csv ? CSV : NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + (csv ? ".csv" : ".ndjson")
                        + "\"");

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
                rows.stream(lease.connection(), entry -> write(writer, entry, csv));
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
    public int inUse() {
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
