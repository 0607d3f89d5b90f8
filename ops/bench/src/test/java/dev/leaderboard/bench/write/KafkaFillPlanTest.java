package dev.leaderboard.bench.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaFillPlanTest {

    private final KafkaFillPlan plan = new KafkaFillPlan(1_003, 100, "r1x", "quiz-completed", Optional.empty());

    @Test
    void actionsAreSpreadOverThePlayersInterleavedAndCountedPerPlayer() {
        assertThat(plan.playerOf(0)).isZero();
        assertThat(plan.playerOf(101)).isEqualTo(1);
        assertThat(plan.actionsOf(0)).isEqualTo(11);
        assertThat(plan.actionsOf(3)).isEqualTo(10);
        assertThat(LongStream.range(0, 100).map(p -> plan.actionsOf((int) p)).sum()).isEqualTo(1_003);
        assertThat(plan.distinctPlayers()).isEqualTo(100);
        assertThat(new KafkaFillPlan(5, 100, "r", "t", Optional.empty()).distinctPlayers()).isEqualTo(5);
    }

    @Test
    void eachRecordIsKeyedByItsUserIdAndCarriesTheIngressContractsJson() throws Exception {
        JsonNode value = new ObjectMapper().readTree(plan.value(205));

        assertThat(new String(plan.key(205), StandardCharsets.UTF_8)).isEqualTo("kr1x-5");
        assertThat(value.path("userId").asText()).isEqualTo("kr1x-5");
        assertThat(value.path("actionId").asText()).isEqualTo("ka-r1x-205");
        assertThat(value.path("type").asText()).isEqualTo("quiz-completed");
        assertThat(value.has("leaderboardId")).isFalse();
        assertThat(new ObjectMapper().readTree(new KafkaFillPlan(1, 1, "r", "t", Optional.of("global")).value(0))
                .path("leaderboardId").asText()).isEqualTo("global");
    }

    @Test
    void actionIdsAreUniqueSoNoRecordIsADuplicate() {
        Set<String> ids = new HashSet<>();
        for (long i = 0; i < plan.actions(); i++) {
            ids.add(plan.userId(plan.playerOf(i)) + "/" + plan.actionId(i));
        }
        assertThat(ids).hasSize(1_003);
    }

    @Test
    void unsafeIdsOrEmptyPlansAreRefused() {
        assertThatThrownBy(() -> new KafkaFillPlan(0, 1, "r", "t", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KafkaFillPlan(1, 1, "r\"x", "t", Optional.empty()))
                .hasMessageContaining("not a safe id");
        assertThatThrownBy(() -> new KafkaFillPlan(1, 1, "r", "t", Optional.of("a b")))
                .hasMessageContaining("not a safe id");
    }
}
