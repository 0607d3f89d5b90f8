package dev.leaderboard.bench.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultTableTest {

    @Test
    void columnsLineUpWithTheScenarioLeftAndFiguresRightAligned() {
        String text = new ResultTable("Write path")
                .add(new ResultTable.Row("HTTP", "2,512", "5.10", "9.80", "14.20", "JDBC 1 tx/event", "0.45"))
                .add(new ResultTable.Row("baseline: JDBC, 1 transaction per event", "5,580", "2.01", "3.30",
                        "6.00", "", ""))
                .render();

        List<String> lines = text.lines().toList();
        assertThat(lines.getFirst()).isEqualTo("Write path");
        assertThat(lines.get(2)).startsWith("HTTP ").contains("  2,512  ").endsWith("JDBC 1 tx/event   0.45");
        assertThat(lines.get(3)).startsWith("baseline: JDBC").endsWith("-      -");
        int ratioColumnEnd = lines.get(1).length();
        assertThat(lines.get(2)).hasSize(ratioColumnEnd);
        assertThat(lines.get(3)).hasSize(ratioColumnEnd);
    }

    @Test
    void theP999ColumnAppearsOnlyWhenARowFillsIt() {
        String without = new ResultTable("t").add(new ResultTable.Row("a", "1", "1", "1", "1", "", "")).render();
        String with = new ResultTable("t").add(new ResultTable.Row("a", "1", "1", "1", "1", "", ""))
                .add(ResultTable.Row.of("b", 10, new LatencySummary(5, 1_000, 2_000, 3_000, 4_000, 5_000), "x", "0.5"))
                .render();

        assertThat(without).doesNotContain("p99.9");
        assertThat(with.lines().toList().get(1)).contains("p99 ms  p99.9 ms");
        assertThat(with.lines().toList().get(3)).contains("3.00      4.00");
    }

    @Test
    void ratiosAndUnitsAreFormattedForReading() {
        assertThat(ResultTable.rate(2512.4)).isEqualTo("2,512");
        assertThat(ResultTable.millis(14_200)).isEqualTo("14.20");
        assertThat(ResultTable.ratio(1, 4)).isEqualTo("0.25");
        assertThat(ResultTable.ratio(1, 0)).isEmpty();
    }
}
