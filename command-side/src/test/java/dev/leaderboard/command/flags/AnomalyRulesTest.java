package dev.leaderboard.command.flags;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AnomalyRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private static AnomalyRules rules(boolean burst, boolean cadence, boolean scoreJump) {
        return new AnomalyRules(new AnomalyProperties(true,
                new AnomalyProperties.Burst(burst, 5, Duration.ofSeconds(10), false),
                new AnomalyProperties.Cadence(cadence, 4, Duration.ofMillis(25), Duration.ofMinutes(5), false),
                new AnomalyProperties.ScoreJump(scoreJump, 1000, Duration.ofHours(1), true)));
    }

    private static RecentActions every(Duration gap, int count, long points) {
        RecentActions recent = RecentActions.none();
        for (int i = 0; i < count; i++) {
            recent = recent.plus(T0.plus(gap.multipliedBy(i)), points);
        }
        return recent;
    }

    @Test
    void burstCountsOnlyActionsInsideItsWindow() {
        AnomalyRules rules = rules(true, false, false);
        RecentActions fourFast = every(Duration.ofSeconds(2), 4, 10);
        RecentActions fiveFast = every(Duration.ofSeconds(2), 5, 10);
        RecentActions fiveSlow = every(Duration.ofSeconds(3), 5, 10);

        assertThat(rules.evaluate(fourFast, T0.plusSeconds(6))).isEmpty();
        assertThat(rules.evaluate(fiveFast, T0.plusSeconds(8))).extracting(RuleHit::rule)
                .containsExactly(AnomalyRules.BURST);
        assertThat(rules.evaluate(fiveSlow, T0.plusSeconds(12))).isEmpty();
    }

    @Test
    void cadenceMatchesMachineRegularGapsButNotHumanJitter() {
        AnomalyRules rules = rules(false, true, false);
        RecentActions regular = every(Duration.ofMillis(1500), 5, 10);
        RecentActions jittery = RecentActions.none();
        long[] gaps = {0, 1400, 1700, 1450, 2100};
        long at = 0;
        for (long gap : gaps) {
            at += gap;
            jittery = jittery.plus(T0.plusMillis(at), 10);
        }

        assertThat(rules.evaluate(regular, T0.plusSeconds(6))).extracting(RuleHit::rule)
                .containsExactly(AnomalyRules.CADENCE);
        assertThat(rules.evaluate(jittery, T0.plusSeconds(7))).isEmpty();
    }

    @Test
    void scoreJumpSumsThePointsGainedWithinItsWindowAndCarriesItsAutoSuspendSetting() {
        AnomalyRules rules = rules(false, false, true);

        assertThat(rules.evaluate(every(Duration.ofMinutes(5), 9, 100), T0.plusSeconds(2400))).isEmpty();
        assertThat(rules.evaluate(every(Duration.ofMinutes(5), 10, 100), T0.plusSeconds(2700)))
                .singleElement().satisfies(hit -> {
                    assertThat(hit.rule()).isEqualTo(AnomalyRules.SCORE_JUMP);
                    assertThat(hit.autoSuspend()).isTrue();
                    assertThat(hit.evidence()).containsEntry("points", 1000L);
                });
    }

    @Test
    void recentActionsKeepTheLatest64() {
        RecentActions recent = every(Duration.ofSeconds(1), 70, 1);

        assertThat(recent.size()).isEqualTo(RecentActions.CAPACITY);
        assertThat(recent.millisAt(0)).isEqualTo(T0.plusSeconds(6).toEpochMilli());
    }

    @Test
    void aBurstThresholdBeyondWhatIsKeptIsRefusedAtStartUp() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AnomalyRules(new AnomalyProperties(true,
                new AnomalyProperties.Burst(true, 65, Duration.ofSeconds(10), false),
                new AnomalyProperties.Cadence(true, 20, Duration.ofMillis(25), Duration.ofMinutes(5), false),
                new AnomalyProperties.ScoreJump(true, 10_000, Duration.ofHours(1), false))));
    }
}
