package dev.leaderboard.server.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/** The CORS rules Spring Security's CorsFilter applies to {@code /api/**}; no origins configured, no rules at all. */
@Configuration
@EnableConfigurationProperties(CorsProperties.class)
public class CorsConfiguration {

    @Bean
    public CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (properties.allowedOrigins().stream().anyMatch(origin -> !origin.isBlank())) {
            org.springframework.web.cors.CorsConfiguration api = new org.springframework.web.cors.CorsConfiguration();
            api.setAllowedOrigins(properties.allowedOrigins().stream().filter(o -> !o.isBlank()).toList());
            api.setAllowedMethods(properties.allowedMethods());
            api.setAllowedHeaders(properties.allowedHeaders());
            api.setExposedHeaders(properties.exposedHeaders());
            api.setAllowCredentials(false);
            api.setMaxAge(properties.maxAge());
            source.registerCorsConfiguration("/api/**", api);
        }
        return source;
    }
}
