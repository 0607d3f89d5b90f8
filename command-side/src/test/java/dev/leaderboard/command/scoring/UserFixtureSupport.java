package dev.leaderboard.command.scoring;

import dev.leaderboard.command.flags.AnomalyRules;
import dev.leaderboard.command.testing.InMemoryLeaderboardCatalog;
import dev.leaderboard.command.testing.InMemoryPlayerFlags;
import dev.leaderboard.command.testing.InMemoryProcessedActions;
import dev.leaderboard.command.testing.MutableClock;
import dev.leaderboard.events.PeriodTotal;
import dev.leaderboard.events.ScoreIncreased;
import dev.leaderboard.events.WindowTotals;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;

import java.time.Instant;
import java.util.Map;

/** A {@link User} fixture with real scoring rules, an in-memory ledger and catalog, and a clock the test moves. */
abstract class UserFixtureSupport {

    static final String ALICE = "alice";
    static final String GLOBAL = "global";
    static final String QUIZ_BOARD = "weekly-quiz";
    static final String QUIZ = "quiz-completed";
    static final long QUIZ_POINTS = 10;
    static final String LEVEL_UP = "level-up";
    static final long LEVEL_UP_POINTS = 25;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:15:30Z"));
    final InMemoryProcessedActions ledger = new InMemoryProcessedActions();
    final InMemoryLeaderboardCatalog catalog = new InMemoryLeaderboardCatalog(GLOBAL, QUIZ_BOARD);
    final InMemoryPlayerFlags flags = new InMemoryPlayerFlags();
    ActionTypes actionTypes = ActionTypes.ofPoints(Map.of(QUIZ, QUIZ_POINTS, LEVEL_UP, LEVEL_UP_POINTS));
    AnomalyRules anomalyRules = AnomalyRules.disabled();
    FixtureConfiguration<User> fixture;

    @BeforeEach
    void createFixture() {
        fixture = newFixture();
    }

    FixtureConfiguration<User> newFixture() {
        FixtureConfiguration<User> created = new AggregateTestFixture<>(User.class);
        created.registerInjectableResource(actionTypes);
        created.registerInjectableResource(catalog);
        created.registerInjectableResource(ledger);
        created.registerInjectableResource(clock);
        created.registerInjectableResource(flags);
        created.registerInjectableResource(anomalyRules);
        return created;
    }

    static SubmitAction submit(String actionId, String type) {
        return submit(actionId, type, GLOBAL);
    }

    static SubmitAction submit(String actionId, String type, String leaderboardId) {
        return new SubmitAction(ALICE, actionId, type, leaderboardId, Map.of());
    }

    static WindowTotals totals(long allTime, String day, long dayTotal, String week, long weekTotal,
                               String month, long monthTotal) {
        return new WindowTotals(allTime, new PeriodTotal(day, dayTotal), new PeriodTotal(week, weekTotal),
                new PeriodTotal(month, monthTotal));
    }

    static ScoreIncreased scored(String actionId, String type, String leaderboardId, long points,
                                 WindowTotals totals, Instant at) {
        return new ScoreIncreased(ALICE, leaderboardId, actionId, type, points, totals, at, Map.of());
    }

    static ActionOutcome accepted(String actionId, String type, String leaderboardId, long points) {
        return new ActionOutcome(actionId, ALICE, leaderboardId, type, points, ActionOutcome.Status.ACCEPTED, null);
    }

    static ActionOutcome duplicate(String actionId, String type, String leaderboardId, long points) {
        return new ActionOutcome(actionId, ALICE, leaderboardId, type, points, ActionOutcome.Status.DUPLICATE, null);
    }

    /** The command was answered with a rejection for this reason (rejections are outcomes, not exceptions). */
    static org.hamcrest.Matcher<Object> rejectedFor(String reason) {
        return org.axonframework.test.matchers.Matchers.predicate(outcome -> outcome instanceof ActionOutcome o
                && o.isRejected() && o.points() == null && o.problem().reason().equals(reason));
    }
}
