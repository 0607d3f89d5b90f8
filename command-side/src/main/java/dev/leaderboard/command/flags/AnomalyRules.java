package dev.leaderboard.command.flags;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pure rules over a player's latest actions; see {@link AnomalyProperties} for what each one matches. */
public class AnomalyRules {

    public static final String BURST = "burst";
    public static final String CADENCE = "cadence";
    public static final String SCORE_JUMP = "score-jump";

    private final AnomalyProperties properties;

    public AnomalyRules(AnomalyProperties properties) {
        if (properties.burst().maxActions() < 2 || properties.burst().maxActions() > RecentActions.CAPACITY) {
            throw new IllegalArgumentException("leaderboard.anomaly.burst.max-actions must be 2.." + RecentActions.CAPACITY);
        }
        if (properties.cadence().intervals() < 2 || properties.cadence().intervals() >= RecentActions.CAPACITY) {
            throw new IllegalArgumentException(
                    "leaderboard.anomaly.cadence.intervals must be 2.." + (RecentActions.CAPACITY - 1));
        }
        if (properties.scoreJump().maxPoints() < 1) {
            throw new IllegalArgumentException("leaderboard.anomaly.score-jump.max-points must be at least 1");
        }
        this.properties = properties;
    }

    public static AnomalyRules disabled() {
        return new AnomalyRules(new AnomalyProperties(false,
                new AnomalyProperties.Burst(false, 30, Duration.ofSeconds(10), false),
                new AnomalyProperties.Cadence(false, 20, Duration.ofMillis(25),
                        Duration.ofMinutes(5), false),
                new AnomalyProperties.ScoreJump(false, 10_000, Duration.ofHours(1), false)));
    }

    /** The rules {@code recent} (which includes the action just accepted) matches at {@code now}. */
    public List<RuleHit> evaluate(RecentActions recent, Instant now) {
        List<RuleHit> hits = new ArrayList<>();
        if (!properties.enabled() || recent.size() == 0) {
            return hits;
        }
        if (properties.burst().enabled()) {
            burst(recent, now).ifPresent(hits::add);
        }
        if (properties.cadence().enabled()) {
            cadence(recent).ifPresent(hits::add);
        }
        if (properties.scoreJump().enabled()) {
            scoreJump(recent, now).ifPresent(hits::add);
        }
        return hits;
    }

    private Optional<RuleHit> burst(RecentActions recent, Instant now) {
        AnomalyProperties.Burst rule = properties.burst();
        long since = now.minus(rule.within()).toEpochMilli();
        int count = 0;
        int first = recent.size();
        for (int i = recent.size() - 1; i >= 0 && recent.millisAt(i) > since; i--) {
            count++;
            first = i;
        }
        if (count < rule.maxActions()) {
            return Optional.empty();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("actions", count);
        evidence.put("within", rule.within().toString());
        evidence.put("threshold", rule.maxActions());
        evidence.put("firstAt", Instant.ofEpochMilli(recent.millisAt(first)).toString());
        evidence.put("lastAt", Instant.ofEpochMilli(recent.millisAt(recent.size() - 1)).toString());
        return Optional.of(new RuleHit(BURST, evidence, rule.autoSuspend()));
    }

    private Optional<RuleHit> cadence(RecentActions recent) {
        AnomalyProperties.Cadence rule = properties.cadence();
        int n = rule.intervals();
        if (recent.size() < n + 1) {
            return Optional.empty();
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = recent.size() - n; i < recent.size(); i++) {
            long gap = recent.millisAt(i) - recent.millisAt(i - 1);
            min = Math.min(min, gap);
            max = Math.max(max, gap);
        }
        if (max > rule.maxInterval().toMillis() || max - min > rule.tolerance().toMillis()) {
            return Optional.empty();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("intervals", n);
        evidence.put("shortestMillis", min);
        evidence.put("longestMillis", max);
        evidence.put("toleranceMillis", rule.tolerance().toMillis());
        return Optional.of(new RuleHit(CADENCE, evidence, rule.autoSuspend()));
    }

    private Optional<RuleHit> scoreJump(RecentActions recent, Instant now) {
        AnomalyProperties.ScoreJump rule = properties.scoreJump();
        long since = now.minus(rule.within()).toEpochMilli();
        long gained = 0;
        int actions = 0;
        for (int i = recent.size() - 1; i >= 0 && recent.millisAt(i) > since; i--) {
            gained += recent.pointsAt(i);
            actions++;
        }
        if (gained < rule.maxPoints()) {
            return Optional.empty();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("points", gained);
        evidence.put("actions", actions);
        evidence.put("within", rule.within().toString());
        evidence.put("threshold", rule.maxPoints());
        return Optional.of(new RuleHit(SCORE_JUMP, evidence, rule.autoSuspend()));
    }
}
