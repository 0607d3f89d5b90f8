package dev.leaderboard.command.flags;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The anomaly rules evaluated on every accepted action ({@code leaderboard.anomaly.*}). A rule that matches raises
 * one flag and stays quiet for that player until the flag is resolved; {@code auto-suspend} also suspends the player.
 *
 * @param enabled all rules on or off
 */
@ConfigurationProperties("leaderboard.anomaly")
public record AnomalyProperties(@DefaultValue("true") boolean enabled,
                                @DefaultValue Burst burst,
                                @DefaultValue Cadence cadence,
                                @DefaultValue ScoreJump scoreJump) {

    /** At least {@code maxActions} accepted actions within {@code within} (counted over the latest 64). */
    public record Burst(@DefaultValue("true") boolean enabled, @DefaultValue("30") int maxActions,
                        @DefaultValue("10s") Duration within, @DefaultValue("false") boolean autoSuspend) {
    }

    /**
     * Machine-regular timing: the latest {@code intervals} gaps between actions all shorter than
     * {@code maxInterval} and no two differing by more than {@code tolerance}.
     */
    public record Cadence(@DefaultValue("true") boolean enabled, @DefaultValue("20") int intervals,
                          @DefaultValue("25ms") Duration tolerance, @DefaultValue("5m") Duration maxInterval,
                          @DefaultValue("false") boolean autoSuspend) {
    }

    /** At least {@code maxPoints} points gained within {@code within} (counted over the latest 64 actions). */
    public record ScoreJump(@DefaultValue("true") boolean enabled, @DefaultValue("10000") long maxPoints,
                            @DefaultValue("1h") Duration within, @DefaultValue("false") boolean autoSuspend) {
    }
}
