package dev.leaderboard.bench.reads;

import dev.leaderboard.bench.core.*;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import picocli.CommandLine.*;

import java.io.*;
import java.net.http.*;
import java.sql.*;
import java.time.*;
import java.util.*;

import static org.awaitility.Awaitility.await;

/** export and close: a second server with a small heap streams a large board out of PostgreSQL, next to plain SQL. */
public final class ExportAndClose {

    private static final String LIVE = "(SELECT live_generation FROM projection_generation WHERE projection = "
            + "'standings')";

    @Command(name = "export", mixinStandardHelpOptions = true, description = "A synthetic board of --players, "
            + "exported as NDJSON and CSV by a second server (query role, small heap), heap sampled; baseline: a plain "
            + "JDBC cursor over the same rows. (--players: 1,000,000 unless given)")
    public static final class Export extends Scenario {
        @Option(names = "--export-heap", defaultValue = "64m", description = "-Xmx of the exporting server "
                + "(default ${DEFAULT-VALUE})")
        String heap;

        protected void run(Target target) throws Exception {
            Database database = target.database();
            long rows = new Board(database, players(Board.PLAYERS)).insert("all-time", "all-time");
            Table table = new Table("export of %,d rows by a server with -Xmx%s, roles=query".formatted(rows, heap),
                    "figure", "rows", "MiB", "s", "rows/s", "out of order", "heap (actuator)");
            try (ServerProcess exporter = target.join("export", List.of("-Xmx" + heap),
                    List.of("--leaderboard.roles=query")); HttpClient http = HttpClient.newHttpClient()) {
                ServerApi api = target.api(exporter);
                for (String format : List.of("ndjson", "csv")) {
                    try (ServerApi.HeapSamples heapSamples = api.new HeapSamples()) {
                        long start = System.nanoTime();
                        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(exporter.baseUrl()
                                .resolve("/api/v1/leaderboards/" + Board.ID + "/export?format=" + format)).build(),
                                HttpResponse.BodyHandlers.ofInputStream());
                        long lines = 0;
                        long bytes = 0;
                        long wrong = 0;
                        try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body()))) {
                            for (String line = body.readLine(); line != null; line = body.readLine(), lines++) {
                                bytes += line.length() + 1;
                                // the synthetic board's order: rank n is player u<n>; the CSV's line 0 is its header
                                long n = format.equals("csv") ? lines : lines + 1;
                                wrong += n == 0 || line.startsWith(format.equals("csv") ? n + ",u" + n + ","
                                        : "{\"rank\":" + n + ",\"userId\":\"u" + n + "\"") ? 0 : 1;
                            }
                        }
                        double seconds = (System.nanoTime() - start) / 1e9;
                        table.row("export " + format + " (HTTP " + response.statusCode() + ", lines)", lines,
                                bytes / 1048576.0, seconds, lines / seconds, wrong, heapSamples);
                    }
                }
            }
            long start = System.nanoTime();
            long read = 0;
            try (Connection connection = database.connect(); Statement cursor = connection.createStatement()) {
                connection.setAutoCommit(false);
                cursor.setFetchSize(10_000);
                try (ResultSet row = cursor.executeQuery("SELECT user_id, score, reached_at FROM standing WHERE "
                        + "generation = " + LIVE + " AND leaderboard_id = 'global' AND time_window = 'all-time' "
                        + "AND period = 'all-time' ORDER BY score DESC, reached_at, user_id DESC")) {
                    for (; row.next(); read++) { // every column decoded, as the export does
                        row.getString(1);
                        row.getLong(2);
                        row.getTimestamp(3);
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            table.row("baseline: JDBC cursor, same rows and order", read, "", seconds, read / seconds, "", "");
            System.out.print(table.render());
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true, description = "--players standings of a past day, "
            + "closed by a second server (small heap, polling every second); baseline: COPY out and in. "
            + "(--players: 1,000,000 unless given)")
    public static final class Close extends Scenario {
        @Option(names = "--close-heap", defaultValue = "256m", description = "-Xmx of the closing server "
                + "(default ${DEFAULT-VALUE})")
        String heap;

        protected List<String> serverArguments() { // only the second server closes periods
            return List.of("--leaderboard.periods.close.enabled=false");
        }

        protected void run(Target target) throws Exception {
            Database database = target.database();
            int players = players(Board.PLAYERS);
            String day = LocalDate.now(ZoneOffset.UTC).minusDays(2).toString(); // ended, past grace, within lookback
            try (ServerProcess closer = target.join("close", List.of("-Xmx" + heap), List.of(
                    "--leaderboard.periods.close.enabled=true", "--leaderboard.periods.close.poll-interval=1s"))) {
                ServerApi api = target.api(closer);
                String heapSeen;
                long start;
                try (ServerApi.HeapSamples heapSamples = api.new HeapSamples()) {
                    target.progress.printf("[close] inserting %,d standings of daily %s%n", players, day);
                    new Board(database, players).insert("daily", day);
                    start = System.nanoTime();
                    await("period_result of " + day).atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100))
                            .until(() -> closedRows(database, day) >= 0);
                    heapSeen = heapSamples.toString();
                }
                double visible = (System.nanoTime() - start) / 1e9;
                double server = api.metric("leaderboard.periods.close", "TOTAL_TIME");
                Table table = new Table("closing daily %s of %,d players by a server with -Xmx%s".formatted(day,
                        closedRows(database, day), heap), "figure", "s", "rows/s", "note")
                        .row("server: leaderboard.periods.close timer", server, players / server, heapSeen)
                        .row("insert commit -> period_result row visible", visible, players / visible,
                                "includes up to 1 s poll interval");
                copyBaseline(database, day, players, table);
                System.out.print(table.render());
            }
        }

        /** COPY the ranked rows out, then into a copy of {@code period_result_entry}: what a close must write. */
        static void copyBaseline(Database database, String day, int players, Table table) throws Exception {
            try (Connection connection = database.connect()) {
                connection.setAutoCommit(false);
                connection.createStatement().execute("CREATE TEMP TABLE bench_close_copy (LIKE period_result_entry "
                        + "INCLUDING ALL) ON COMMIT DROP");
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                long t0 = System.nanoTime();
                copy.copyOut("""
                        COPY (SELECT leaderboard_id, time_window, period,
                                     row_number() OVER (ORDER BY score DESC, reached_at, user_id DESC),
                                     rank() OVER (ORDER BY score DESC), dense_rank() OVER (ORDER BY score DESC),
                                     user_id, score, reached_at, NULL
                              FROM standing WHERE generation = %s
                              AND leaderboard_id = 'global' AND time_window = 'daily' AND period = '%s') TO STDOUT"""
                        .formatted(LIVE, day), out);
                long t1 = System.nanoTime();
                copy.copyIn("COPY bench_close_copy FROM STDIN", new ByteArrayInputStream(out.toByteArray()));
                connection.commit();
                double copyOut = (t1 - t0) / 1e9;
                double copyIn = (System.nanoTime() - t1) / 1e9;
                table.row("baseline: COPY ranked rows TO STDOUT", copyOut, players / copyOut, "%.1f MiB".formatted(
                                out.size() / 1048576.0))
                        .row("baseline: COPY FROM STDIN into a period_result_entry copy", copyIn, players / copyIn, "")
                        .row("baseline: out + in", copyOut + copyIn, players / (copyOut + copyIn), "");
            }
        }

        static long closedRows(Database database, String day) throws SQLException {
            return database.queryLong("SELECT coalesce(max(total_players), -1) FROM period_result WHERE "
                    + "leaderboard_id = 'global' AND time_window = 'daily' AND period = '" + day + "'");
        }
    }
}
