package dev.leaderboard.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RoleDefaultsTest {

    private static final String READINESS_EXCLUDE = "management.endpoint.health.group.readiness.exclude";
    private static final String REDIS_HEALTH = "management.health.redis.enabled";

    @Test
    void aQueueOnlyInstanceLeavesTheDatabaseOutOfItsReadiness() {
        StandardEnvironment environment = environment(Map.of("leaderboard.roles", "command",
                "leaderboard.ingress", "KAFKA"));

        assertThat(environment.getProperty(READINESS_EXCLUDE)).isEqualTo("db");
        assertThat(environment.getProperty(REDIS_HEALTH)).isEqualTo("false");
    }

    @Test
    void commandInstancesInDirectModeAndInstancesWithReadsKeepTheDatabaseInReadiness() {
        assertThat(environment(Map.of("leaderboard.roles", "command")).getProperty(READINESS_EXCLUDE)).isNull();
        assertThat(environment(Map.of("leaderboard.roles", "command,query", "leaderboard.ingress", "kafka"))
                .getProperty(READINESS_EXCLUDE)).isNull();
        assertThat(environment(Map.of("leaderboard.ingress", "kafka")).getProperty(READINESS_EXCLUDE)).isNull();
    }

    @Test
    void anExplicitSettingWins() {
        StandardEnvironment environment = environment(Map.of("leaderboard.roles", "command",
                "leaderboard.ingress", "kafka", READINESS_EXCLUDE, "ping"));

        assertThat(environment.getProperty(READINESS_EXCLUDE)).isEqualTo("ping");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new RoleDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
