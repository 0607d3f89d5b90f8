package dev.leaderboard.command.leaderboards;

import dev.leaderboard.boards.LeaderboardDefinition;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.leaderboard.events.LeaderboardDefined;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
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

    protected Leaderboard() {
    }

    public static String aggregateIdOf(String leaderboardId) {
        return PREFIX + leaderboardId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public DefinitionOutcome handle(DefineLeaderboard command, LeaderboardCatalog catalog, Clock clock) {
        boolean isNew = aggregateId == null;
        if (!isNew && name.equals(command.name()) && Objects.equals(description, command.description())) {
            return DefinitionOutcome.UNCHANGED;
        }
        LeaderboardDefined defined = new LeaderboardDefined(command.leaderboardId(), command.name(),
                command.description(), clock.instant());
        apply(defined);
        catalog.save(new LeaderboardDefinition(command.leaderboardId(), command.name(), command.description()),
                defined.definedAt());
        return isNew ? DefinitionOutcome.CREATED : DefinitionOutcome.UPDATED;
    }

    @EventSourcingHandler
    void on(LeaderboardDefined event) {
        aggregateId = aggregateIdOf(event.leaderboardId());
        name = event.name();
        description = event.description();
    }

    public enum DefinitionOutcome { CREATED, UPDATED, UNCHANGED }
}
