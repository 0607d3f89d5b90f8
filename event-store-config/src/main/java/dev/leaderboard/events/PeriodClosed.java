package dev.leaderboard.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A board's period was closed and its final standings frozen in {@code period_result_entry}. Stored once per board,
 * window and period: the aggregate {@code period:<board>|<window>|<period>} holds this single event, so a second close
 * fails on the event store's unique (aggregate, sequence number).
 *
 * @param leaderboardId the board
 * @param window        {@code daily}, {@code weekly} or {@code monthly}
 * @param period        the period's key ({@code 2026-11-22}, {@code 2026-W47}, {@code 2026-11})
 * @param periodStart   first instant of the period
 * @param periodEnd     first instant after the period
 * @param closedAt      server time of the close
 * @param fence         the event store position (global index) the close covered: events of this period stored at a
 *                      higher position are late and never count in it (see period_fence)
 * @param totalPlayers  number of rows frozen
 * @param tiers         the board's tiers as they cut the final standings
 * @param digest        SHA-256 (lower-case hex) of the lines {@code rank,userId,score\n} in ordinal rank order
 */
@Revision("1")
public record PeriodClosed(String leaderboardId,
                           String window,
                           String period,
                           Instant periodStart,
                           Instant periodEnd,
                           Instant closedAt,
                           long fence,
                           long totalPlayers,
                           List<ClosedTier> tiers,
                           String digest) {

    public PeriodClosed {
        tiers = List.copyOf(tiers);
    }
}
