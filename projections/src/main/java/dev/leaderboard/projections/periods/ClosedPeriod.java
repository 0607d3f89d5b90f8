package dev.leaderboard.projections.periods;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.leaderboard.events.PeriodClosed;
import dev.leaderboard.windows.TimeWindow;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One closed period of one board: a single event, {@link PeriodClosed}. Creating it twice fails on the event store's
 * unique (aggregate, sequence number), which rolls back the second close's frozen rows with it: whatever the number
 * of instances, a period is closed once.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ClosedPeriod {

    private static final String PREFIX = "period:";

    @AggregateIdentifier
    private String aggregateId;

    protected ClosedPeriod() {
    }

    public static String aggregateIdOf(String leaderboardId, TimeWindow window, String period) {
        return PREFIX + leaderboardId + "|" + window.id() + "|" + period;
    }

    /** Freezes the rows in the command's transaction, which also appends the event. */
    @CommandHandler
    public ClosedPeriod(ClosePeriod command, PeriodResults results, Clock clock) {
        PeriodResults.Frozen frozen = results.freeze(command, clock.instant());
        apply(new PeriodClosed(command.leaderboardId(), command.window().id(), command.period().key(),
                command.period().start(), command.period().end(), frozen.closedAt(), command.fence(),
                frozen.totalPlayers(), frozen.tiers(), frozen.digest()));
    }

    @EventSourcingHandler
    void on(PeriodClosed event) {
        aggregateId = aggregateIdOf(event.leaderboardId(), TimeWindow.fromId(event.window()).orElseThrow(),
                event.period());
    }
}
