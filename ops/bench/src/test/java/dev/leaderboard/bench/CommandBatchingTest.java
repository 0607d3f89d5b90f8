package dev.leaderboard.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommandBatchingTest {

    @Test
    void theReportedSettingsAreTheDefaultsUnlessTheEnvironmentOrAServerArgumentSaysOtherwise() {
        assertThat(CommandBatching.describe(List.of(), Map.of()))
                .isEqualTo("workers=2, max-size=250, linger=1ms, queue-capacity=5000");
        assertThat(CommandBatching.describe(List.of("--leaderboard.commands.batching.maxSize=500"),
                Map.of("LEADERBOARD_COMMANDS_BATCHING_LINGER", "2ms")))
                .isEqualTo("workers=2, max-size=500, linger=2ms, queue-capacity=5000");
    }
}
