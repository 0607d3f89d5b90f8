package dev.leaderboard.command.scoring;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.leaderboard.command.flags.AnomalyRules;
import dev.leaderboard.command.flags.FlagNotOpenException;
import dev.leaderboard.command.flags.PlayerFlags;
import dev.leaderboard.command.flags.RecentActions;
import dev.leaderboard.command.flags.ResolveFlag;
import dev.leaderboard.command.flags.RuleHit;
import dev.leaderboard.command.leaderboards.LeaderboardCatalog;
import dev.leaderboard.command.leaderboards.UnknownLeaderboardException;
import dev.leaderboard.command.players.AdjustScore;
import dev.leaderboard.command.players.Adjustment;
import dev.leaderboard.command.players.AdjustmentRefusedException;
import dev.leaderboard.command.players.NotSuspendedException;
import dev.leaderboard.command.players.ReinstatePlayer;
import dev.leaderboard.command.players.SuspendPlayer;
import dev.leaderboard.command.players.Suspension;
import dev.leaderboard.events.FlagResolved;
import dev.leaderboard.events.PlayerFlagged;
import dev.leaderboard.events.PlayerReinstated;
import dev.leaderboard.events.PlayerSuspended;
import dev.leaderboard.events.ScoreAdjusted;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A player. Holds only what decisions need: the current totals per leaderboard, the action counts the caps look
 * at, the latest actions the anomaly rules look at, open flags, suspension, the player's segment, and the time of
 * the latest event (event time never goes back within a player's stream). Which actions were already counted is kept
 * in the {@link ProcessedActions} ledger, so this state (and its snapshot) stays small however long the history is.
 */
@Aggregate(repository = "userRepository", commandTargetResolver = "userCommandTargets")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class User {

    @AggregateIdentifier
    private String userId;
    private Map<String, WindowTotals> totalsByLeaderboard = new HashMap<>();
    /** Keyed by {@code leaderboardId/actionType}. */
    private Map<String, ActionCounts> actionCounts = new HashMap<>();
    private List<Long> recentMillis = new ArrayList<>();
    private List<Long> recentPoints = new ArrayList<>();
    /** Open flag id per rule: a rule raises one flag at a time. */
    private Map<String, String> openFlags = new HashMap<>();
    private Set<String> adjustmentIds = new HashSet<>();
    private Suspension suspension;
    /** Sticky: the segment of the first accepted action that stated one (see {@link #segmentFor}). */
    private String segment;
    private Instant lastEventAt;

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
                                ProcessedActions ledger, AnomalyRules anomalyRules, PlayerFlags flags,
                                Clock clock) {
        Optional<ActionTypes.ActionType> type = actionTypes.find(command.type());
        boolean knownBoard = leaderboards.exists(command.leaderboardId());
        // A resend of an action accepted earlier is a duplicate, whatever changed since: removed type or board,
        // suspension, a cap or the score limit reached.
        if (type.isEmpty() || !knownBoard) {
            return duplicateOr(ledger, command, knownBoard
                    ? Rejection.unknownActionType(command.type())
                    : Rejection.unknownLeaderboard(command.leaderboardId()));
        }
        if (isSuspended()) {
            return duplicateOr(ledger, command, Rejection.suspended(command.userId()));
        }
        Instant now = eventTime(clock);
        Optional<Rejection> overCap = ActionCaps.exceeded(type.get(), countsOf(command.leaderboardId(),
                command.type()), now);
        if (overCap.isPresent()) {
            return duplicateOr(ledger, command, overCap.get());
        }
        long points = type.get().points();
        WindowTotals after = ScoreTotals.after(totalsOn(command.leaderboardId()), points, now);
        if (!ScoreTotals.withinLimit(after)) {
            return duplicateOr(ledger, command, Rejection.scoreLimit(command.leaderboardId()));
        }
        ProcessedAction accepted = new ProcessedAction(command.userId(), command.actionId(), command.leaderboardId(),
                command.type(), points, now);
        if (!ledger.recordIfAbsent(accepted)) {
            return duplicateOf(ledger.find(command.userId(), command.actionId()).orElseThrow(), command);
        }
        apply(new ScoreIncreased(command.userId(), command.leaderboardId(), command.actionId(), command.type(),
                points, after, now, command.attributes(), segmentFor(command)));
        raiseFlags(anomalyRules.evaluate(RecentActions.view(recentMillis, recentPoints), now), now, flags);
        return ActionOutcome.accepted(command, points);
    }

    @CommandHandler
    public Adjustment handle(AdjustScore command, LeaderboardCatalog leaderboards, Clock clock) {
        if (!leaderboards.exists(command.leaderboardId())) {
            throw new UnknownLeaderboardException(command.leaderboardId());
        }
        WindowTotals before = totalsOn(command.leaderboardId());
        if (command.adjustmentId() != null && adjustmentIds.contains(command.adjustmentId())) {
            return new Adjustment(userId, command.leaderboardId(), command.adjustmentId(), command.points(), before,
                    command.reason(), command.operator(), lastEventAt, Adjustment.Status.DUPLICATE);
        }
        Instant now = eventTime(clock);
        WindowTotals changed = ScoreTotals.adjusted(before, command.points(), now);
        if (changed.allTime() == before.allTime()) {
            throw new AdjustmentRefusedException("no-change", "the player's total on '" + command.leaderboardId()
                    + "' is " + before.allTime() + "; a total never goes below 0, so this adjustment changes nothing");
        }
        if (!ScoreTotals.withinLimit(changed)) {
            throw new AdjustmentRefusedException(Rejection.SCORE_LIMIT, "the total would exceed "
                    + ScoreTotals.MAX_TOTAL);
        }
        String adjustmentId = command.adjustmentId() != null ? command.adjustmentId() : UUID.randomUUID().toString();
        apply(new ScoreAdjusted(userId, command.leaderboardId(), adjustmentId, command.points(), changed,
                command.reason(), command.operator(), now, segment));
        return new Adjustment(userId, command.leaderboardId(), adjustmentId, command.points(),
                totalsOn(command.leaderboardId()), command.reason(), command.operator(), now,
                Adjustment.Status.APPLIED);
    }

    /** Suspending a suspended player changes nothing; a player with no history yet can be suspended. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Suspension handle(SuspendPlayer command, Clock clock) {
        if (!isSuspended()) {
            apply(new PlayerSuspended(command.userId(), command.reason(), command.operator(), null,
                    eventTime(clock)));
        }
        return suspension;
    }

    @CommandHandler
    public Suspension handle(ReinstatePlayer command, Clock clock) {
        if (!isSuspended()) {
            throw new NotSuspendedException(command.userId());
        }
        apply(new PlayerReinstated(userId, command.reason(), command.operator(), eventTime(clock)));
        return Suspension.none(userId);
    }

    @CommandHandler
    public void handle(ResolveFlag command, PlayerFlags flags, Clock clock) {
        if (!openFlags.containsValue(command.flagId())) {
            throw new FlagNotOpenException(command.flagId());
        }
        FlagResolved resolved = new FlagResolved(userId, command.flagId(), command.resolution(), command.reason(),
                command.operator(), eventTime(clock));
        apply(resolved);
        flags.resolved(resolved);
    }

    @EventSourcingHandler
    void on(ScoreIncreased event) {
        seen(event.userId(), event.occurredAt());
        if (event.segment() != null) {
            segment = event.segment();
        }
        totalsByLeaderboard.put(event.leaderboardId(), event.totals());
        actionCounts.merge(countKey(event.leaderboardId(), event.actionType()),
                ActionCounts.NONE.plusOneAt(event.occurredAt()), (before, none) -> before.plusOneAt(event.occurredAt()));
        RecentActions.append(recentMillis, recentPoints, event.occurredAt(), event.points());
    }

    @EventSourcingHandler
    void on(ScoreAdjusted event) {
        seen(event.userId(), event.occurredAt());
        totalsByLeaderboard.put(event.leaderboardId(),
                ScoreTotals.merged(totalsOn(event.leaderboardId()), event.totals()));
        adjustmentIds.add(event.adjustmentId());
    }

    @EventSourcingHandler
    void on(PlayerSuspended event) {
        seen(event.userId(), event.occurredAt());
        suspension = new Suspension(event.userId(), true, event.reason(), event.operator(), event.flagId(),
                event.occurredAt());
    }

    @EventSourcingHandler
    void on(PlayerReinstated event) {
        seen(event.userId(), event.occurredAt());
        suspension = null;
    }

    @EventSourcingHandler
    void on(PlayerFlagged event) {
        seen(event.userId(), event.occurredAt());
        openFlags.put(event.rule(), event.flagId());
    }

    @EventSourcingHandler
    void on(FlagResolved event) {
        seen(event.userId(), event.occurredAt());
        openFlags.values().remove(event.flagId());
    }

    private void raiseFlags(List<RuleHit> hits, Instant at, PlayerFlags flags) {
        for (RuleHit hit : hits) {
            if (openFlags.containsKey(hit.rule())) {
                continue;
            }
            PlayerFlagged flagged = new PlayerFlagged(userId, UUID.randomUUID().toString(), hit.rule(),
                    hit.evidence(), at);
            apply(flagged);
            flags.raised(flagged);
            if (hit.autoSuspend() && !isSuspended()) {
                apply(new PlayerSuspended(userId, "anomaly rule '" + hit.rule() + "' matched", "rule:" + hit.rule(),
                        flagged.flagId(), at));
            }
        }
    }

    /**
     * The player's segment is sticky: once an accepted action has stated one, every later event of the player carries
     * it, and a different value stated later is ignored. So a player is on at most one segment board of a board,
     * segment boards never need a player removed (which a replay would have to reproduce exactly), and the first
     * trusted source decides. Moving a player between segments is not supported.
     */
    private String segmentFor(SubmitAction command) {
        return segment != null ? segment : command.segment();
    }

    /** The clock, or the player's latest event time if the clock is behind it (another node's clock was ahead). */
    private Instant eventTime(Clock clock) {
        Instant now = clock.instant();
        return lastEventAt != null && now.isBefore(lastEventAt) ? lastEventAt : now;
    }

    private void seen(String eventUserId, Instant occurredAt) {
        userId = eventUserId;
        if (lastEventAt == null || occurredAt.isAfter(lastEventAt)) {
            lastEventAt = occurredAt;
        }
    }

    private boolean isSuspended() {
        return suspension != null;
    }

    private WindowTotals totalsOn(String leaderboardId) {
        return totalsByLeaderboard.getOrDefault(leaderboardId, ScoreTotals.NONE);
    }

    private ActionCounts countsOf(String leaderboardId, String actionType) {
        return actionCounts.getOrDefault(countKey(leaderboardId, actionType), ActionCounts.NONE);
    }

    private static String countKey(String leaderboardId, String actionType) {
        return leaderboardId + "/" + actionType;
    }

    private static ActionOutcome duplicateOr(ProcessedActions ledger, SubmitAction command, Rejection rejection) {
        return ledger.find(command.userId(), command.actionId())
                .map(earlier -> duplicateOf(earlier, command))
                .orElseGet(() -> ActionOutcome.rejected(command, rejection));
    }

    private static ActionOutcome duplicateOf(ProcessedAction earlier, SubmitAction command) {
        return earlier.isSameActionAs(command) ? earlier.asDuplicate()
                : ActionOutcome.rejected(command, Rejection.conflict(earlier));
    }
}
