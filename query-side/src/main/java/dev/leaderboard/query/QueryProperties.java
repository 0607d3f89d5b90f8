package dev.leaderboard.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The read API ({@code leaderboard.query.*}).
 *
 * @param topCacheTtl      how long a hot top-N page is served from memory at most (change notifications evict it
 *                         sooner)
 * @param topCacheMaxRows  pages reaching beyond this row are never cached
 * @param rangeCacheTtl    how long a computed custom range ranking is reused
 * @param maxCustomDays    longest custom range, in days
 */
@ConfigurationProperties("leaderboard.query")
public record QueryProperties(@DefaultValue("1s") Duration topCacheTtl,
                              @DefaultValue("100") int topCacheMaxRows,
                              @DefaultValue("10s") Duration rangeCacheTtl,
                              @DefaultValue("366") int maxCustomDays) {
}
