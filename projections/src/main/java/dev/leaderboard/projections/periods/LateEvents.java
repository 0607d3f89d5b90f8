package dev.leaderboard.projections.periods;

import dev.leaderboard.windows.TimeWindow;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.EnumMap;
import java.util.Map;

/** Counts, per window, the standings live processing left out of closed periods ({@code leaderboard.periods.late-events}). */
public class LateEvents {

    private final Map<TimeWindow, Counter> counters = new EnumMap<>(TimeWindow.class);

    public LateEvents(MeterRegistry meters) {
        for (TimeWindow window : TimeWindow.values()) {
            counters.put(window, Counter.builder("leaderboard.periods.late-events")
                    .description("Events stored after their period was closed, left out of that period")
                    .tag("window", window.id())
                    .register(meters));
        }
    }

    public void count(TimeWindow window) {
        counters.get(window).increment();
    }

    public double count() {
        return counters.values().stream().mapToDouble(Counter::count).sum();
    }
}
