package dev.leaderboard.bench.projections;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectionBenchOptionsTest {

    @Test
    void defaultsAreTheRealScenario() {
        ProjectionBenchOptions options = ProjectionBenchOptions.parse(new String[0], Map.of(), "local");
        assertThat(options.catchUp()).isTrue();
        assertThat(options.lag()).isTrue();
        assertThat(options.events()).isEqualTo(1_000_000);
        assertThat(options.rate()).isEqualTo(2_000);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.probeEvery()).isEqualTo(20);
        assertThat(options.jwtSecret()).isEqualTo("local");
    }

    @Test
    void optionsAreParsed() {
        ProjectionBenchOptions options = ProjectionBenchOptions.parse(new String[]{"--scenario", "lag", "--events",
                "1_000", "--rate", "500", "--probe-share", "0.1", "--server-arg", "a.b=c", "--keep-data"},
                Map.of("LEADERBOARD_JWT_SECRET", "env"), "local");
        assertThat(options.catchUp()).isFalse();
        assertThat(options.events()).isEqualTo(1_000);
        assertThat(options.probeEvery()).isEqualTo(10);
        assertThat(options.serverArguments()).containsExactly("--a.b=c");
        assertThat(options.keepData()).isTrue();
        assertThat(options.jwtSecret()).isEqualTo("env");
    }

    @Test
    void badOptionsAreRefused() {
        assertThatThrownBy(() -> ProjectionBenchOptions.parse(new String[]{"--events", "0"}, Map.of(), "s"))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> ProjectionBenchOptions.parse(new String[]{"--probe-share", "2"}, Map.of(), "s"))
                .hasMessageContaining("share");
        assertThatThrownBy(() -> ProjectionBenchOptions.parse(new String[]{"--nope", "1"}, Map.of(), "s"))
                .hasMessageContaining("unknown option");
    }

    @Test
    void processorSettingsFollowSpringsOrderOfSources() {
        Properties yaml = new Properties();
        yaml.setProperty("leaderboard.projections.batch-size", "250");
        assertThat(ProcessorSettings.value("batch-size", 1, yaml, List.of(), Map.of())).isEqualTo(250);
        assertThat(ProcessorSettings.value("batch-size", 1, yaml, List.of(),
                Map.of("LEADERBOARD_PROJECTIONS_BATCHSIZE", "300"))).isEqualTo(300);
        assertThat(ProcessorSettings.value("batch-size", 1, yaml,
                List.of("--leaderboard.projections.batchSize=500"),
                Map.of("LEADERBOARD_PROJECTIONS_BATCHSIZE", "300"))).isEqualTo(500);
        assertThat(ProcessorSettings.value("segments", 4, yaml, List.of(), Map.of())).isEqualTo(4);
    }
}
