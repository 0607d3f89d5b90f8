package dev.leaderboard.projections.periods.kafka;

import dev.leaderboard.events.ClosedTier;
import dev.leaderboard.events.PeriodClosed;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The value of a {@code leaderboard.period-results} record: the header of a closed period, its tiers and digest, and
 * where to read its rows. The rows themselves are not in the record (a board can hold millions of players; Kafka
 * records are best kept small): consumers page {@code results} or stream {@code export}, and check the digest.
 */
public record PeriodResultMessage(String leaderboardId,
                                  String window,
                                  String period,
                                  Instant periodStart,
                                  Instant periodEnd,
                                  Instant closedAt,
                                  long totalPlayers,
                                  List<ClosedTier> tiers,
                                  String digest,
                                  long fence,
                                  String results,
                                  String export) {

    public static PeriodResultMessage of(PeriodClosed event) {
        String path = "/api/v1/leaderboards/" + encode(event.leaderboardId()) + "/results";
        String query = "?window=" + event.window() + "&period=" + event.period();
        return new PeriodResultMessage(event.leaderboardId(), event.window(), event.period(), event.periodStart(),
                event.periodEnd(), event.closedAt(), event.totalPlayers(), event.tiers(), event.digest(),
                event.fence(), path + query, path + "/export" + query + "&format=ndjson");
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
