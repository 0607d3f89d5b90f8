package dev.leaderboard.bench.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GatlingStatsTest {

    /** The report of a real Gatling 3.14.9 run: two request names, one in ten answers a 503. */
    @Test
    void requestsPercentilesAndErrorsAreReadFromTheReportsStatisticsTable() throws IOException {
        String html;
        try (var in = getClass().getResourceAsStream("/gatling-index.html")) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        GatlingStats stats = GatlingStats.parse(Path.of("x"), html);

        assertThat(stats.requests()).containsOnlyKeys(GatlingStats.ALL, "odd", "even");
        assertThat(stats.request(GatlingStats.ALL).orElseThrow())
                .isEqualTo(new GatlingStats.Request(GatlingStats.ALL, 9349, 8415, 934, 0, 1, 2, 29, 81, 0));
        assertThat(stats.request("odd").orElseThrow().p999()).isEqualTo(42);
        assertThat(stats.errors()).containsExactly(java.util.Map.entry("status.find.is(200), found 503", 934L));
    }
}
