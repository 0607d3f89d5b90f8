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
    void ratiosAndUnitsAreFormattedForReading() {
        assertThat(ResultTable.rate(2512.4)).isEqualTo("2,512");
        assertThat(ResultTable.millis(14_200)).isEqualTo("14.20");
        assertThat(ResultTable.ratio(1, 4)).isEqualTo("0.25");
        assertThat(ResultTable.ratio(1, 0)).isEmpty();
    }
}
