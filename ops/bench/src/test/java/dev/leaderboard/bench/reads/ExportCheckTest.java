package dev.leaderboard.bench.reads;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExportCheckTest {

    @Test
    void acceptsRowsInRankOrder() {
        ExportCheck.Checker checker = new ExportCheck.Checker();
        checker.ndjson("{\"rank\":1,\"userId\":\"r1-leader\",\"score\":300}");
        checker.ndjson("{\"rank\":2,\"userId\":\"u1\",\"score\":99}");
        checker.ndjson("{\"rank\":3,\"userId\":\"u2\",\"score\":99}");
        checker.csv("4,p17,10");
        checker.csv("5,u3,0");
        assertThat(checker.problem).isEmpty();
        assertThat(checker.rows).isEqualTo(5);
        assertThat(checker.lastRank).isEqualTo(5);
    }

    @Test
    void reportsAGapARisingScoreAndSyntheticPlayersOutOfOrder() {
        ExportCheck.Checker gap = new ExportCheck.Checker();
        gap.csv("1,u1,5");
        gap.csv("3,u2,4");
        assertThat(gap.problem).contains("rank 3 follows rank 1");

        ExportCheck.Checker rising = new ExportCheck.Checker();
        rising.csv("1,u1,5");
        rising.csv("2,u2,6");
        assertThat(rising.problem).contains("score rises");

        ExportCheck.Checker order = new ExportCheck.Checker();
        order.csv("1,u2,5");
        order.csv("2,u1,5");
        assertThat(order.problem).contains("comes after u2");
    }

    @Test
    void syntheticIdsOnly() {
        assertThat(SyntheticBoard.indexOf("u42")).isEqualTo(42);
        assertThat(SyntheticBoard.indexOf("u")).isEqualTo(-1);
        assertThat(SyntheticBoard.indexOf("p42")).isEqualTo(-1);
        assertThat(SyntheticBoard.indexOf("u4x")).isEqualTo(-1);
    }

    @Test
    void optionsKeepTheSmallHeapLast() {
        ReadOptions options = ReadOptions.parse(new String[] {"--server-java-opts", "-Xmx4g -XX:+UseG1GC",
                "--export-heap", "160m", "--only", "export,sse"}, Map.of(), "secret");
        assertThat(options.exportServerJavaOptions()).containsExactly("-XX:+UseG1GC", "-Xmx160m");
        assertThat(options.runs(ReadOptions.Scenario.READS)).isFalse();
        assertThat(options.runs(ReadOptions.Scenario.SSE)).isTrue();
    }
}
