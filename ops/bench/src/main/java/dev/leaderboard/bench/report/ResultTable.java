package dev.leaderboard.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plain-text table of figures: each row is one scenario with its throughput and latency, the baseline it is
 * compared with and the ratio. The first column is left-aligned, the others right-aligned; empty cells print as "-".
 * The p99.9 column is printed only when a row fills it.
 */
public final class ResultTable {

    public static final List<String> HEADER = List.of("scenario", "per s", "p50 ms", "p95 ms", "p99 ms",
            "compared with", "ratio");
    public static final List<String> HEADER_WITH_P999 = List.of("scenario", "per s", "p50 ms", "p95 ms", "p99 ms",
            "p99.9 ms", "compared with", "ratio");

    /** One line of the table; use {@code ""} for a cell that does not apply. */
    public record Row(String scenario, String perSecond, String p50, String p95, String p99, String p999,
                      String comparedWith, String ratio) {

        public Row(String scenario, String perSecond, String p50, String p95, String p99, String comparedWith,
                   String ratio) {
            this(scenario, perSecond, p50, p95, p99, "", comparedWith, ratio);
        }

        /** A row of a throughput and latency percentiles (p50, p95, p99, p99.9). */
        public static Row of(String scenario, double perSecond, LatencySummary latency, String comparedWith,
                             String ratio) {
            return new Row(scenario, rate(perSecond), millis(latency.p50()), millis(latency.p95()),
                    millis(latency.p99()), millis(latency.p999()), comparedWith, ratio);
        }

        List<String> cells(boolean withP999) {
            return withP999 ? List.of(scenario, perSecond, p50, p95, p99, p999, comparedWith, ratio)
                    : List.of(scenario, perSecond, p50, p95, p99, comparedWith, ratio);
        }
    }

    private final String title;
    private final List<Row> rows = new ArrayList<>();

    public ResultTable(String title) {
        this.title = title;
    }

    public ResultTable add(Row row) {
        rows.add(row);
        return this;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String render() {
        boolean withP999 = rows.stream().anyMatch(row -> !row.p999().isEmpty());
        List<String> header = withP999 ? HEADER_WITH_P999 : HEADER;
        int[] widths = new int[header.size()];
        List<List<String>> lines = new ArrayList<>();
        lines.add(header);
        rows.forEach(row -> lines.add(row.cells(withP999).stream().map(c -> c.isEmpty() ? "-" : c).toList()));
        for (List<String> line : lines) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder(title).append('\n');
        for (List<String> line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell = line.get(i);
                String pad = " ".repeat(widths[i] - cell.length());
                text.append(i == 0 ? cell + pad : pad + cell);
                if (i < widths.length - 1) {
                    text.append("  ");
                }
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** Events or requests per second, no decimals, with thousands separators. */
    public static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    public static String millis(long micros) {
        return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
    }

    /** "0.42" style ratio of two figures; "" when the denominator is zero. */
    public static String ratio(double value, double comparedWith) {
        return comparedWith == 0 ? "" : String.format(Locale.ROOT, "%.2f", value / comparedWith);
    }
}
