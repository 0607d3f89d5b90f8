package dev.leaderboard.bench.reads;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Downloads {@code GET /api/v1/leaderboards/global/export?format=…} and checks it while it streams, one line at a
 * time (nothing is kept): ranks are 1, 2, 3, … without a gap, scores never rise, and the synthetic players come in
 * their exact order (u1 before u2 before u3 …, see {@link SyntheticBoard}).
 */
final class ExportCheck {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI baseUrl;

    ExportCheck(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * @param firstByte  from sending the request to the first byte of the body
     * @param problem    the first thing found wrong, empty when the export is right
     */
    record Result(String format, int status, long rows, long bytes, Duration elapsed, Duration firstByte,
                  long lastRank, String problem) {

        boolean ok(long expectedRows) {
            return status == 200 && problem.isEmpty() && rows == expectedRows && lastRank == expectedRows;
        }

        double rowsPerSecond() {
            return elapsed.isZero() ? 0 : rows / (elapsed.toNanos() / 1e9);
        }
    }

    Result run(String format) throws IOException, InterruptedException {
        boolean csv = format.equals("csv");
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                        baseUrl.resolve("/api/v1/leaderboards/" + SyntheticBoard.BOARD + "/export?format=" + format))
                .timeout(Duration.ofMinutes(30)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        CountingStream body = new CountingStream(response.body());
        Checker checker = new Checker();
        long firstByte = -1;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8),
                64 * 1024)) {
            if (response.statusCode() != 200) {
                return new Result(format, response.statusCode(), 0, 0, Duration.ofNanos(System.nanoTime() - start),
                        Duration.ZERO, 0, "HTTP " + response.statusCode());
            }
            String line;
            boolean header = csv;
            while ((line = reader.readLine()) != null) {
                if (firstByte < 0) {
                    firstByte = System.nanoTime() - start;
                }
                if (header) {
                    header = false;
                    if (!line.equals("rank,userId,score")) {
                        checker.problem("unexpected CSV header '" + line + "'");
                    }
                    continue;
                }
                if (csv) {
                    checker.csv(line);
                } else {
                    checker.ndjson(line);
                }
            }
        }
        return new Result(format, response.statusCode(), checker.rows, body.count,
                Duration.ofNanos(System.nanoTime() - start), Duration.ofNanos(Math.max(0, firstByte)),
                checker.lastRank, checker.problem);
    }

    /** Checks rows one by one; package-private for its unit test. */
    static final class Checker {
        long rows;
        long lastRank;
        long lastScore = Long.MAX_VALUE;
        long lastSyntheticIndex;
        String problem = "";

        void csv(String line) {
            int a = line.indexOf(',');
            int b = line.lastIndexOf(',');
            if (a <= 0 || b <= a) {
                problem("malformed CSV row '" + line + "'");
                return;
            }
            row(line.substring(0, a), line.substring(a + 1, b), line.substring(b + 1), line);
        }

        void ndjson(String line) {
            // {"rank":1,"userId":"u1","score":99}
            String rankKey = "{\"rank\":";
            String userKey = ",\"userId\":\"";
            String scoreKey = "\",\"score\":";
            int user = line.indexOf(userKey);
            int score = line.indexOf(scoreKey);
            if (!line.startsWith(rankKey) || user < 0 || score < user || !line.endsWith("}")) {
                problem("malformed NDJSON row '" + line + "'");
                return;
            }
            row(line.substring(rankKey.length(), user), line.substring(user + userKey.length(), score),
                    line.substring(score + scoreKey.length(), line.length() - 1), line);
        }

        private void row(String rankText, String userId, String scoreText, String line) {
            rows++;
            long rank;
            long score;
            try {
                rank = Long.parseLong(rankText);
                score = Long.parseLong(scoreText);
            } catch (NumberFormatException e) {
                problem("bad number in row '" + line + "'");
                return;
            }
            if (rank != lastRank + 1) {
                problem("rank " + rank + " follows rank " + lastRank);
            }
            lastRank = rank;
            if (score > lastScore) {
                problem("score rises at rank " + rank + ": " + score + " after " + lastScore);
            }
            lastScore = score;
            long index = SyntheticBoard.indexOf(userId);
            if (index > 0) {
                if (index <= lastSyntheticIndex) {
                    problem("synthetic player " + userId + " at rank " + rank + " comes after u"
                            + lastSyntheticIndex);
                }
                lastSyntheticIndex = index;
            }
        }

        void problem(String text) {
            if (problem.isEmpty()) {
                problem = text;
            }
        }
    }

    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
