package dev.leaderboard.server.ratelimit;

import dev.leaderboard.projections.layout.RedisLayoutProperties;
import dev.leaderboard.server.security.ProblemResponses;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

@Configuration
@EnableConfigurationProperties({RateLimitProperties.class, RedisLayoutProperties.class})
@ConditionalOnProperty(name = "leaderboard.rate-limits.enabled", havingValue = "true", matchIfMissing = true)
public class RateLimitConfiguration {

    @Bean
    EdgeRateLimiter edgeRateLimiter(RedisConnectionFactory connections, RateLimitProperties properties,
                                    RedisLayoutProperties layout, MeterRegistry meters) {
        return new EdgeRateLimiter(new RedisTokenBuckets(connections, properties.redisTimeout()), properties,
                layout.keyPrefix(), meters);
    }

    /** Just after Spring Security's filter chain: the token is verified, no controller has run yet. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(EdgeRateLimiter limiter, RateLimitProperties properties,
                                                            ProblemResponses problems) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
                new RateLimitFilter(limiter, properties, problems));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }
}
