package dev.leaderboard.bench.core;

import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PhaseJfrTest {

    @Test
    void threadsAreGroupedWithoutTheirNumbers() {
        assertThat(Phase.threadGroup("command-batcher-1")).isEqualTo("command-batcher-*");
        assertThat(Phase.threadGroup("http-nio-43511-exec-12")).isEqualTo("http-nio-*-exec-*");
    }

    @Test
    void aRecordingsSamplesAreCountedByThreadGroup(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("busy.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            Thread busy = Thread.ofPlatform().name("busy-worker-7").start(() -> {
                long end = System.nanoTime() + 1_500_000_000L;
                double x = 0;
                while (System.nanoTime() < end) {
                    x += Math.sqrt(x + 1);
                }
            });
            busy.join();
            recording.stop();
            recording.dump(file);
        }

        assertThat(Phase.threadSamples(file)).contains("JFR execution samples by thread").contains("busy-worker-*");
    }
}
