package dev.leaderboard.bench.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class CoreLogicTest {

    @Test
    void theEmbeddedServersAreReadFromTheLatestStartsLogLine() {
        List<String> log = List.of("INFO LocalLauncher - Embedded PostgreSQL on 1, Redis on 2, Kafka on localhost:3; "
                + "data in /tmp/a", "restart", "INFO LocalLauncher - Embedded PostgreSQL on 44063, Redis on 33617, "
                + "Kafka on localhost:43563; data in /tmp/b");

        assertThat(ServerProcess.embedded(log)).contains(new ServerProcess.Embedded(44063, 33617, "localhost:43563"));
        assertThat(ServerProcess.embedded(List.of("nothing"))).isEmpty();
    }

    @Test
    void serverSettingsFollowSpringsOrderAndRelaxedBinding(@TempDir Path directory) throws IOException {
        Path jar = directory.resolve("leaderboard-local.jar");
        try (ZipOutputStream local = new ZipOutputStream(Files.newOutputStream(jar))) {
            local.putNextEntry(new ZipEntry("BOOT-INF/lib/server-0.1.0-SNAPSHOT.jar"));
            var bytes = new java.io.ByteArrayOutputStream();
            try (ZipOutputStream nested = new ZipOutputStream(bytes)) {
                nested.putNextEntry(new ZipEntry("application.yml"));
                nested.write("leaderboard:\n  projections:\n    batch-size: 1000\n    threads: 2\n"
                        .getBytes(StandardCharsets.UTF_8));
                nested.putNextEntry(new ZipEntry("application-local.yml"));
                nested.write("leaderboard.projections.threads: 3\n".getBytes(StandardCharsets.UTF_8));
            }
            local.write(bytes.toByteArray());
        }

        assertThat(new ServerSettings(jar, List.of()).projectionBatchSize()).isEqualTo(1000);
        assertThat(new ServerSettings(jar, List.of()).projectionThreads()).isEqualTo(3);
        assertThat(new ServerSettings(jar, List.of("--leaderboard.projections.batchSize=250")).projectionBatchSize())
                .isEqualTo(250);
        assertThat(new ServerSettings(jar, List.of()).commandBatching())
                .isEqualTo("workers=2, max-size=250, linger=1ms");
    }

    @Test
    void latencyPercentilesAreTheNearestRankOfTheTimings() {
        long[] nanos = new long[1000];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (1000 - i) * 1_000_000L;
        }

        assertThat(Latencies.ofNanos(nanos)).isEqualTo(new Latencies(1000, 500, 990, 999));
        assertThat(Latencies.ofNanos(new long[0]).p99()).isZero();
    }

    @Test
    void nearestRankPercentiles() {
        long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(Latencies.at(sorted, 0.5)).isEqualTo(5);
        assertThat(Latencies.at(sorted, 0.99)).isEqualTo(10);
        assertThat(Latencies.at(new long[]{7}, 0.5)).isEqualTo(7);
    }

    @Test
    void cpuFiguresThatCouldNotBeReadAreNoFiguresAtAll() {
        CpuMeter.Usage unreadable = new CpuMeter.Usage(30, -1, -2, -3, Double.NaN, "1.00/1.00/1.00", "?");

        assertThat(unreadable.perOperation(1000)).isEqualTo("-");
        assertThat(unreadable.machine()).isEqualTo(CpuMeter.UNREADABLE);
        assertThat(new CpuMeter.Usage(2, 1, 2, 3, 0.5, "a", "b").perOperation(1000))
                .isEqualTo("1.000 / 2.000 / 3.000 ms");
    }

    @Test
    void aTableAlignsItsColumns() {
        assertThat(new Table("t", "figure", "per s").row("a", 1234.5).row("longer", 2L).render())
                .isEqualTo("== t\nfigure  per s\na       1,235\nlonger      2\n");
    }
}
