package dev.leaderboard.bench.core;

import java.io.*;
import java.nio.file.*;
import java.util.*;
import java.util.regex.*;

/**
 * The figures of one Gatling run, from the statistics table of its HTML report (Gatling 3.14 writes no
 * {@code stats.json}): per request name, whole milliseconds at the percentiles {@link GatlingRun} sets (50, 95, 99,
 * 99.9); and the failed checks' messages with their counts.
 */
public record GatlingStats(Path report, Map<String, Request> requests, Map<String, Long> errors) {

    public static final String ALL = "All Requests";

    public record Request(String name, long count, long ok, long ko, double p50, double p95, double p99, double p999,
                          double max, double mean) {
    }

    private static final Pattern ROW = Pattern.compile(
            "class=\"ellipsed-name\">([^<]*)</span>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td class=\"value [^\"]*col-(\\d+)\">([^<]*)</td>");
    private static final Pattern ERROR = Pattern.compile(
            "<td class=\"error-col-1 total ko\">(.*?)<span.*?<td class=\"value error-col-2 total ko\">(\\d+)</td>",
            Pattern.DOTALL);

    public static GatlingStats read(Path report) {
        try {
            return parse(report, Files.readString(report.resolve("index.html")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GatlingStats parse(Path report, String html) {
        Map<String, Request> requests = new LinkedHashMap<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            double[] c = new double[16]; // columns 1-14 of the statistics table
            Matcher cell = CELL.matcher(row.group(2));
            while (cell.find()) {
                String text = cell.group(2).trim().replace(",", "");
                c[Integer.parseInt(cell.group(1))] = text.isEmpty() || text.equals("-") ? 0 : Double.parseDouble(text);
            }
            String name = unescape(row.group(1));
            requests.putIfAbsent(name, new Request(name, (long) c[2], (long) c[3], (long) c[4], c[8], c[9], c[10],
                    c[11], c[12], c[13]));
        }
        Map<String, Long> errors = new LinkedHashMap<>();
        Matcher error = ERROR.matcher(html);
        while (error.find()) {
            errors.merge(unescape(error.group(1)).trim(), Long.parseLong(error.group(2)), Long::sum);
        }
        return new GatlingStats(report, requests, errors);
    }

    public Optional<Request> request(String name) {
        return Optional.ofNullable(requests.get(name));
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
