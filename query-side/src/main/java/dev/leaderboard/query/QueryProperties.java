package dev.leaderboard.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The read API ({@code leaderboard.query.*}).
 *
 * @param topCacheTtl            how long a hot top-N page, or a board version learnt from a notification, is trusted
 *                               at most (change notifications make a page stale sooner; this bounds the effect of a
 *                               lost notification)
 * @param topCacheMaxRows        pages reaching beyond this row are never cached
 * @param rangeCacheTtl          how long a computed page of a custom range (within {@code topCacheMaxRows}) is reused
 * @param maxCustomDays          longest custom range, in days
 * @param maxConcurrentRanges    custom-range computations (rankings and player lookups) running at once on this
 *                               instance; beyond it a request is answered {@code 503} at once
 * @param maxConcurrentExports   exports streaming at once on this instance; beyond it {@code 503} at once
 * @param exportStatementTimeout {@code statement_timeout} of an export's transaction, for each fetch round of its
 *                               cursor (the first one computes a custom range whole)
 * @param retryAfter             the {@code Retry-After} of a read refused for capacity
 * @param httpMaxAge             {@code Cache-Control: max-age} of rankings and player reads, for browsers and CDNs
 */
@ConfigurationProperties("leaderboard.query")
public record QueryProperties(@DefaultValue("1s") Duration topCacheTtl,
                              @DefaultValue("100") int topCacheMaxRows,
                              @DefaultValue("10s") Duration rangeCacheTtl,
                              @DefaultValue("366") int maxCustomDays,
                              @DefaultValue("4") int maxConcurrentRanges,
                              @DefaultValue("4") int maxConcurrentExports,
                              @DefaultValue("2m") Duration exportStatementTimeout,
                              @DefaultValue("2s") Duration retryAfter,
                              @DefaultValue("1s") Duration httpMaxAge) {
}
