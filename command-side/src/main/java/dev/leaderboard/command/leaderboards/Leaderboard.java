package dev.leaderboard.command.leaderboards;

import dev.leaderboard.boards.LeaderboardDefinition;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.leaderboard.events.BoardTier;
import dev.leaderboard.events.LeaderboardDefined;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A leaderboard's definition, event-sourced so every change is in the audit log. */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Leaderboard {

    private static final String PREFIX = "board:";

    @AggregateIdentifier
    private String aggregateId;
    private String name;
    private String description;
    /** As stored in the events; null (none) in events older than tiers. */
    private List<BoardTier> tiers;

    protected Leaderboard() {
    }

    public static String aggregateIdOf(String leaderboardId) {
        return PREFIX + leaderboardId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public DefinitionOutcome handle(DefineLeaderboard command, LeaderboardCatalog catalog, Clock clock) {
        boolean isNew = aggregateId == null;
        List<BoardTier> requested = command.tiers().stream()
                .map(t -> new BoardTier(t.name(), t.top(), t.topPercent())).toList();
        if (!isNew && name.equals(command.name()) && Objects.equals(description, command.description())
                && sameTiers(tiers, requested)) {
            return DefinitionOutcome.UNCHANGED;
        }
        LeaderboardDefined defined = new LeaderboardDefined(command.leaderboardId(), command.name(),
                command.description(), clock.instant(), requested.isEmpty() ? null : requested);
        apply(defined);
        catalog.save(new LeaderboardDefinition(command.leaderboardId(), command.name(), command.description(),
                command.tiers()), defined.definedAt());
        return isNew ? DefinitionOutcome.CREATED : DefinitionOutcome.UPDATED;
    }

    @EventSourcingHandler
    void on(LeaderboardDefined event) {
        aggregateId = aggregateIdOf(event.leaderboardId());
        name = event.name();
        description = event.description();
        tiers = event.tiers();
    }

    /** Tiers compare by value; {@code topPercent} by number (10 and 10.0 are the same cut). */
    private static boolean sameTiers(List<BoardTier> stored, List<BoardTier> requested) {
        List<BoardTier> current = stored == null ? List.of() : stored;
        if (current.size() != requested.size()) {
            return false;
        }
        for (int i = 0; i < current.size(); i++) {
            BoardTier a = current.get(i);
            BoardTier b = requested.get(i);
            if (!a.name().equals(b.name()) || !Objects.equals(a.top(), b.top())
                    || (a.topPercent() == null ? b.topPercent() != null
                    : b.topPercent() == null || a.topPercent().compareTo(b.topPercent()) != 0)) {
                return false;
            }
        }
        return true;
    }

    public enum DefinitionOutcome { CREATED, UPDATED, UNCHANGED }
}
