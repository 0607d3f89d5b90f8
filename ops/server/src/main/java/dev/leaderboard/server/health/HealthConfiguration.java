package dev.leaderboard.server.health;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Configuration
public class HealthConfiguration {

    /** Only where Kafka is configured (local mode always is); the service itself does not need Kafka yet. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty("spring.kafka.bootstrap-servers")
    public KafkaHealthIndicator kafkaHealthIndicator(Environment environment) {
        return new KafkaHealthIndicator(environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
    }

    /** {@code GET /health}: the actuator's health answer (200 UP, 503 otherwise) at the short path API.md names. */
    @Controller
    static class HealthAlias {
        @GetMapping("/health")
        String health() {
            return "forward:/actuator/health";
        }
    }
}
