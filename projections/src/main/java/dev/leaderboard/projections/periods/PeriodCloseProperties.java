package dev.leaderboard.projections.periods;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Closing ended periods ({@code leaderboard.periods.close.*}).
 *
 * @param enabled      whether this instance closes periods (any number of projections instances may: each period
 *                     is closed once)
 * @param grace        how long after a period's end it is closed, so that events in flight at the end land first
 * @param pollInterval how often ended periods are looked for
 * @param lookback     how far back ended periods are still closed (after downtime); older ones stay open
 */
@ConfigurationProperties("leaderboard.periods.close")
public record PeriodCloseProperties(@DefaultValue("true") boolean enabled,
                                    @DefaultValue("5m") Duration grace,
                                    @DefaultValue("30s") Duration pollInterval,
                                    @DefaultValue("7d") Duration lookback) {
}
