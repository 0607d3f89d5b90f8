package dev.leaderboard.command.scoring;

import dev.leaderboard.command.flags.AnomalyProperties;
import dev.leaderboard.command.flags.AnomalyRules;
import dev.leaderboard.command.flags.FlagNotOpenException;
import dev.leaderboard.command.flags.FlagView;
import dev.leaderboard.command.flags.ResolveFlag;
import dev.leaderboard.events.FlagResolved;
import dev.leaderboard.events.PlayerFlagged;
import dev.leaderboard.events.PlayerSuspended;
import dev.leaderboard.events.ScoreIncreased;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Anomaly rules raise a flag (once while it is open) as the aggregate accepts actions; auto-suspend is per rule. */
class UserAnomalyFlagsTest extends UserFixtureSupport {

    private void burstRule(int maxActions, boolean autoSuspend) {
        anomalyRules = new AnomalyRules(new AnomalyProperties(true,
                new AnomalyProperties.Burst(true, maxActions, Duration.ofSeconds(10), autoSuspend),
                new AnomalyProperties.Cadence(false, 20, Duration.ofMillis(25), Duration.ofMinutes(5), false),
                new AnomalyProperties.ScoreJump(false, 10_000, Duration.ofHours(1), false)));
        fixture = newFixture();
    }

    @Test
    void aBurstOfActionsRaisesAFlagWithItsEvidenceAndTheActionStillCounts() {
        burstRule(3, false);
        var given = fixture.givenCommands(submit("a1", QUIZ), submit("a2", QUIZ));

        given.when(submit("a3", QUIZ))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(e -> e instanceof ScoreIncreased s && s.actionId().equals("a3")),
                        Matchers.predicate(e -> e instanceof PlayerFlagged f && f.rule().equals(AnomalyRules.BURST)
                                && f.evidence().get("actions").equals(3)
                                && f.evidence().get("threshold").equals(3)),
                        Matchers.andNoMore())))
                .expectResultMessagePayload(accepted("a3", QUIZ, GLOBAL, QUIZ_POINTS));
        assertThat(flags.list(FlagView.Status.OPEN, 0, 10)).singleElement()
                .satisfies(flag -> assertThat(flag.rule()).isEqualTo(AnomalyRules.BURST));
    }

    @Test
    void anOpenFlagIsNotRaisedAgain() {
        burstRule(3, false);
        var given = fixture.givenCommands(submit("a1", QUIZ), submit("a2", QUIZ), submit("a3", QUIZ));

        given.when(submit("a4", QUIZ))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(e -> e instanceof ScoreIncreased), Matchers.andNoMore())));
    }

    @Test
    void resolvingAFlagRecordsTheResolution() {
        burstRule(3, false);
        var given = fixture.givenCommands(submit("a1", QUIZ), submit("a2", QUIZ), submit("a3", QUIZ));
        String flagId = flags.list(FlagView.Status.OPEN, 0, 10).getFirst().id();

        given.when(new ResolveFlag(ALICE, flagId, "dismissed", "tournament", "ops-ben"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(e -> e instanceof FlagResolved r && r.resolution().equals("dismissed")),
                        Matchers.andNoMore())));
        assertThat(flags.find(flagId)).hasValueSatisfying(flag -> assertThat(flag.status())
                .isEqualTo(FlagView.Status.RESOLVED));
    }

    @Test
    void afterItsFlagIsResolvedTheRuleCanFlagAgain() {
        burstRule(3, false);
        var given = fixture.givenCommands(submit("a1", QUIZ), submit("a2", QUIZ), submit("a3", QUIZ));
        String flagId = flags.list(FlagView.Status.OPEN, 0, 10).getFirst().id();

        given.andGivenCommands(new ResolveFlag(ALICE, flagId, "dismissed", "tournament", "ops-ben"))
                .when(submit("a4", QUIZ))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(e -> e instanceof ScoreIncreased),
                        Matchers.predicate(e -> e instanceof PlayerFlagged f && !f.flagId().equals(flagId)),
                        Matchers.andNoMore())));
    }

    @Test
    void aResolvedFlagCannotBeResolvedAgain() {
        burstRule(3, false);
        var given = fixture.givenCommands(submit("a1", QUIZ));

        given.when(new ResolveFlag(ALICE, "0b6f3c1e-5d2a-4f7e-9c11-2a3b4c5d6e7f", "dismissed", "?", "ops-ben"))
                .expectNoEvents()
                .expectException(FlagNotOpenException.class);
    }

    @Test
    void aRuleWithAutoSuspendSuspendsThePlayerWithTheFlagAsCause() {
        burstRule(2, true);
        var given = fixture.givenCommands(submit("a1", QUIZ));

        given.when(submit("a2", QUIZ))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(e -> e instanceof ScoreIncreased),
                        Matchers.predicate(e -> e instanceof PlayerFlagged),
                        Matchers.predicate(e -> e instanceof PlayerSuspended s && s.operator().equals("rule:burst")
                                && s.flagId() != null),
                        Matchers.andNoMore())));
    }

    @Test
    void afterAnAutomaticSuspensionTheNextActionIsRefused() {
        burstRule(2, true);
        var given = fixture.givenCommands(submit("a1", QUIZ), submit("a2", QUIZ));

        given.when(submit("a3", QUIZ))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejectedFor(Rejection.SUSPENDED));
    }

    @Test
    void actionsSpreadOutRaiseNoFlag() {
        burstRule(3, false);
        clock.set("2026-11-22T10:00:00Z");
        var given = fixture.givenCommands(submit("a1", QUIZ));
        clock.set("2026-11-22T10:00:06Z");
        given.andGivenCommands(submit("a2", QUIZ));
        clock.set("2026-11-22T10:00:12Z");

        given.when(submit("a3", QUIZ))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(e -> e instanceof ScoreIncreased), Matchers.andNoMore())));
        assertThat(flags.list(null, 0, 10)).isEmpty();
    }
}
