package dev.leaderboard.bench.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaFillPlanTest {

    private final Kafka.FillPlan plan = new Kafka.FillPlan(1_003, 100, "r1x");

    @Test
    void actionsAreSpreadOverThePlayersInterleaved() {
        assertThat(plan.playerOf(0)).isZero();
        assertThat(plan.playerOf(101)).isEqualTo(1);
        assertThat(plan.playerOf(1_002)).isEqualTo(2);
    }

    @Test
    void eachRecordIsKeyedByItsUserIdAndCarriesTheIngressContractsJson() throws Exception {
        JsonNode value = new ObjectMapper().readTree(plan.value(205));

        assertThat(new String(plan.key(205), StandardCharsets.UTF_8)).isEqualTo("kr1x-5");
        assertThat(value.path("userId").asText()).isEqualTo("kr1x-5");
        assertThat(value.path("actionId").asText()).isEqualTo("ka-r1x-205");
        assertThat(value.path("type").asText()).isEqualTo("quiz-completed");
        assertThat(value.size()).isEqualTo(3);
    }

    @Test
    void actionIdsAreUniqueSoNoRecordIsADuplicate() {
        Set<String> ids = new HashSet<>();
        for (long i = 0; i < plan.actions(); i++) {
            ids.add(plan.userId(plan.playerOf(i)) + "/" + plan.actionId(i));
        }
        assertThat(ids).hasSize(1_003);
    }
}
