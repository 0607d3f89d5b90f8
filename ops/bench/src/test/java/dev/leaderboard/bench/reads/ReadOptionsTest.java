package dev.leaderboard.bench.reads;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadOptionsTest {

    @Test
    void theWriteLoadGoesThroughKafkaAndTheFanOutHas10000StreamsUnlessToldOtherwise() {
        ReadOptions defaults = ReadOptions.parse(new String[0], Map.of(), "secret");
        ReadOptions rest = ReadOptions.parse(new String[]{"--write-via", "REST", "--connections", "50"}, Map.of(),
                "secret");

        assertThat(defaults.writeViaKafka()).isTrue();
        assertThat(defaults.connections()).isEqualTo(10_000);
        assertThat(rest.writeViaKafka()).isFalse();
        assertThat(rest.connections()).isEqualTo(50);
    }

    @Test
    void anUnknownWritePathIsRefused() {
        assertThatThrownBy(() -> ReadOptions.parse(new String[]{"--write-via", "grpc"}, Map.of(), "secret"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kafka or rest");
    }
}
