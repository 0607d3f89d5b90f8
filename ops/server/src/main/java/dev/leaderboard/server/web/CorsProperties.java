package dev.leaderboard.server.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Which browser origins may call the API ({@code leaderboard.http.cors.*}). None by default: a browser page on
 * another origin gets no CORS headers and cannot read any answer. Tokens travel in the Authorization header, never
 * in cookies, so credentials are never allowed.
 *
 * @param allowedOrigins exact origins, e.g. {@code https://game.example.com} ({@code LEADERBOARD_HTTP_CORS_ALLOWED_ORIGINS},
 *                       comma-separated); {@code *} allows any
 * @param allowedMethods methods a cross-origin page may use
 * @param allowedHeaders request headers it may send
 * @param exposedHeaders response headers its script may read
 * @param maxAge         how long a browser may cache a preflight answer
 */
@ConfigurationProperties("leaderboard.http.cors")
public record CorsProperties(@DefaultValue List<String> allowedOrigins,
                             @DefaultValue({"GET", "HEAD", "POST", "PUT", "DELETE"}) List<String> allowedMethods,
                             @DefaultValue({"Authorization", "Content-Type", "If-None-Match", "X-Request-Id"})
                             List<String> allowedHeaders,
                             @DefaultValue({"ETag", "Retry-After", "RateLimit", "RateLimit-Policy", "X-Request-Id",
                                     "Location"}) List<String> exposedHeaders,
                             @DefaultValue("1h") Duration maxAge) {
}
