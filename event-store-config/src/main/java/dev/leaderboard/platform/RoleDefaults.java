package dev.leaderboard.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Defaults that follow from the roles: an instance with only the {@code command} role does not use Redis, so Redis
 * is left out of its health (and readiness); if it also queues actions on Kafka ({@code leaderboard.ingress=kafka}),
 * the database is left out of its readiness, because queueing is what keeps actions coming in while the database is
 * down, and a load balancer must keep sending them to it. Lowest precedence: any explicit setting wins.
 */
public class RoleDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> roles = Binder.get(environment).bind(Role.PROPERTY, Bindable.listOf(String.class))
                .orElse(List.of());
        boolean usesRedis = roles.isEmpty() || roles.stream().map(Role::parse)
                .anyMatch(role -> role == Role.QUERY || role == Role.PROJECTIONS);
        if (usesRedis) {
            return;
        }
        Map<String, Object> defaults = new HashMap<>(Map.of("management.health.redis.enabled", "false"));
        if ("kafka".equalsIgnoreCase(environment.getProperty("leaderboard.ingress", "direct").trim())) {
            defaults.put("management.endpoint.health.group.readiness.exclude", "db");
        }
        environment.getPropertySources().addLast(new MapPropertySource("leaderboardRoleDefaults", defaults));
    }
}
