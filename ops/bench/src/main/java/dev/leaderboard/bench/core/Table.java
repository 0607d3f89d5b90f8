package dev.leaderboard.bench.core;

import java.util.*;
import java.util.stream.*;

/** A plain-text result table: a title, a header and rows, the first column left-aligned, the others right. */
public final class Table {

    private final String title;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String title, String... header) {
        this.title = title;
        this.header = List.of(header);
    }

    public Table row(Object... cells) {
        rows.add(Arrays.stream(cells).map(Table::text).toList());
        return this;
    }

    public static String text(Object cell) {
        return switch (cell) {
            case Double d -> String.format(Locale.ROOT, d >= 100 ? "%,.0f" : "%,.2f", d);
            case Long l -> String.format(Locale.ROOT, "%,d", l);
            case Integer i -> String.format(Locale.ROOT, "%,d", i);
            case null -> "-";
            default -> cell.toString();
        };
    }

    public String render() {
        int[] widths = IntStream.range(0, header.size()).map(c -> IntStream.concat(IntStream.of(header.get(c).length()),
                rows.stream().mapToInt(r -> c < r.size() ? r.get(c).length() : 0)).max().orElse(0)).toArray();
        return "== " + title + "\n" + line(header, widths) + "\n"
                + rows.stream().map(r -> line(r, widths)).collect(Collectors.joining("\n")) + "\n";
    }

    private static String line(List<String> cells, int[] widths) {
        return IntStream.range(0, widths.length).mapToObj(c -> {
            String cell = c < cells.size() ? cells.get(c) : "";
            return c == 0 ? String.format("%-" + widths[c] + "s", cell) : String.format("%" + widths[c] + "s", cell);
        }).collect(Collectors.joining("  ")).stripTrailing();
    }
}
