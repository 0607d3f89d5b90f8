package dev.leaderboard.bench.load;

import java.time.Duration;

/**
 * @param clients  concurrent clients, each one thread with one request in flight
 * @param players  players the actions are spread over, uniformly at random ({@code p0} … {@code p<players-1>})
 * @param warmup   load before the measurement, not counted
 * @param duration the measured load
 */
public record LoadSettings(int clients, int players, Duration warmup, Duration duration) {

    public static String playerId(int index) {
        return "p" + index;
    }
}
