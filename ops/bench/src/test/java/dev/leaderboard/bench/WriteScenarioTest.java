package dev.leaderboard.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteScenarioTest {

    @Test
    void scenarioListsNameScenariosOrGroupsOfThem() {
        assertThat(WriteScenario.parseList("rest-batch, kafka")).containsExactly(WriteScenario.REST_BATCH,
                WriteScenario.KAFKA);
        assertThat(WriteScenario.parseList("all")).containsExactly(WriteScenario.values());
        assertThat(WriteScenario.parseList("ingestion")).containsExactly(WriteScenario.REST_SINGLE,
                WriteScenario.REST_BATCH, WriteScenario.KAFKA);
        assertThat(WriteScenario.parseList("default")).isEqualTo(WriteScenario.DEFAULT);
        assertThatThrownBy(() -> WriteScenario.parseList("rest-single,grpc"))
                .hasMessageContaining("was 'grpc'");
    }
}
