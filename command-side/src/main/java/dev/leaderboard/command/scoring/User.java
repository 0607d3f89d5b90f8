package dev.leaderboard.command.scoring;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.leaderboard.command.leaderboards.LeaderboardCatalog;
import dev.leaderboard.events.ScoreIncreased;
import dev.leaderboard.events.WindowTotals;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A player. Holds only what scoring decisions need: the current totals per leaderboard. Which actions were already
 * counted is kept in the {@link ProcessedActions} ledger, so this state (and its snapshot) is a few hundred bytes
 * however long the player's history is.
 */
@Aggregate(repository = "userRepository", commandTargetResolver = "userCommandTargets")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class User {

    @AggregateIdentifier
    private String userId;
    private Map<String, WindowTotals> totalsByLeaderboard = new HashMap<>();

    protected User() {
        // for Axon and snapshots
    }

    /**
     * Decides an action. A rejection is an outcome, not an exception: in a group-committed batch it must leave the
     * other commands of the batch, and the shared transaction, untouched. Nothing is applied or recorded then.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ActionOutcome handle(SubmitAction command, ActionTypes actionTypes, LeaderboardCatalog leaderboards,
                                ProcessedActions ledger, Clock clock) {
        Optional<Long> points = actionTypes.pointsFor(command.type());
        boolean knownBoard = leaderboards.exists(command.leaderboardId());
        if (points.isEmpty() || !knownBoard) {
            // A retry of an action accepted before its type or board was removed is still a duplicate, not an error.
            return ledger.find(command.userId(), command.actionId())
                    .map(earlier -> duplicateOf(earlier, command))
                    .orElseGet(() -> ActionOutcome.rejected(command, knownBoard
                            ? Rejection.unknownActionType(command.type())
                            : Rejection.unknownLeaderboard(command.leaderboardId())));
        }

        Instant now = clock.instant();
        WindowTotals after = ScoreTotals.after(totalsOn(command.leaderboardId()), points.get(), now);
        if (!ScoreTotals.withinLimit(after)) {
            // A resend of an action accepted earlier is still a duplicate, even once the player is at the limit.
            return ledger.find(command.userId(), command.actionId())
                    .map(earlier -> duplicateOf(earlier, command))
                    .orElseGet(() -> ActionOutcome.rejected(command, Rejection.scoreLimit(command.leaderboardId())));
        }
        ProcessedAction accepted = new ProcessedAction(command.userId(), command.actionId(), command.leaderboardId(),
                command.type(), points.get(), now);
        if (!ledger.recordIfAbsent(accepted)) {
            return duplicateOf(ledger.find(command.userId(), command.actionId()).orElseThrow(), command);
        }
        apply(new ScoreIncreased(command.userId(), command.leaderboardId(), command.actionId(), command.type(),
                points.get(), after, now, command.attributes()));
        return ActionOutcome.accepted(command, points.get());
    }

    @EventSourcingHandler
    void on(ScoreIncreased event) {
        userId = event.userId();
        totalsByLeaderboard.put(event.leaderboardId(), event.totals());
    }

    private WindowTotals totalsOn(String leaderboardId) {
        return totalsByLeaderboard.getOrDefault(leaderboardId, ScoreTotals.NONE);
    }

    private static ActionOutcome duplicateOf(ProcessedAction earlier, SubmitAction command) {
        return earlier.isSameActionAs(command) ? earlier.asDuplicate()
                : ActionOutcome.rejected(command, Rejection.conflict(earlier));
    }
}
