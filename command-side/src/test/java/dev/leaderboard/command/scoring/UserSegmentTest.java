package dev.leaderboard.command.scoring;

import dev.leaderboard.command.players.AdjustScore;
import dev.leaderboard.eventstore.EventStoreAutoConfiguration;
import dev.leaderboard.events.ScoreAdjusted;
import dev.leaderboard.events.ScoreIncreased;
import dev.leaderboard.events.WindowTotals;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** A player's segment is sticky: the first accepted action that states one decides it for every later event. */
class UserSegmentTest extends UserFixtureSupport {

    private static final WindowTotals FIRST_QUIZ = totals(10, "2026-11-22", 10, "2026-W47", 10, "2026-11", 10);
    private static final WindowTotals SECOND_QUIZ = totals(20, "2026-11-22", 20, "2026-W47", 20, "2026-11", 20);

    private static SubmitAction submitIn(String actionId, String segment) {
        return new SubmitAction(ALICE, actionId, QUIZ, GLOBAL, Map.of(), segment);
    }

    private ScoreIncreased scoredIn(String actionId, WindowTotals totals, String segment) {
        return new ScoreIncreased(ALICE, GLOBAL, actionId, QUIZ, QUIZ_POINTS, totals, clock.instant(), Map.of(),
                segment);
    }

    @Test
    void theFirstStatedSegmentIsStampedOnTheEvent() {
        fixture.givenNoPriorActivity()
                .when(submitIn("a1", "eu"))
                .expectEvents(scoredIn("a1", FIRST_QUIZ, "eu"));
    }

    @Test
    void aLaterDifferentSegmentIsIgnored() {
        fixture.givenCommands(submitIn("a1", "eu"))
                .when(submitIn("a2", "us"))
                .expectEvents(scoredIn("a2", SECOND_QUIZ, "eu"));
    }

    @Test
    void aLaterActionWithoutSegmentKeepsThePlayersSegment() {
        fixture.givenCommands(submitIn("a1", "eu"))
                .when(submitIn("a2", null))
                .expectEvents(scoredIn("a2", SECOND_QUIZ, "eu"));
    }

    @Test
    void aPlayerWithoutSegmentGetsOneFromTheirFirstActionThatStatesIt() {
        fixture.givenCommands(submitIn("a1", null))
                .when(submitIn("a2", "eu"))
                .expectEvents(scoredIn("a2", SECOND_QUIZ, "eu"));
    }

    @Test
    void aRejectedActionDecidesNoSegment() {
        fixture.givenCommands(new SubmitAction(ALICE, "a0", "teleported", GLOBAL, Map.of(), "us"))
                .when(submitIn("a1", "eu"))
                .expectEvents(scoredIn("a1", FIRST_QUIZ, "eu"));
    }

    @Test
    void theSegmentIsRebuiltFromTheStoredEvents() {
        fixture.given(scoredIn("a1", FIRST_QUIZ, "eu"))
                .when(submitIn("a2", "us"))
                .expectEvents(scoredIn("a2", SECOND_QUIZ, "eu"));
    }

    @Test
    void anAdjustmentCarriesThePlayersSegment() {
        fixture.givenCommands(submitIn("a1", "eu"))
                .when(new AdjustScore(ALICE, GLOBAL, "t-1", 5, "bonus", "ops-anna"))
                .expectEvents(new ScoreAdjusted(ALICE, GLOBAL, "t-1", 5,
                        totals(15, "2026-11-22", 15, "2026-W47", 15, "2026-11", 15), "bonus", "ops-anna",
                        clock.instant(), "eu"));
    }

    @Test
    void theSegmentSurvivesASnapshot() {
        Serializer serializer = new EventStoreAutoConfiguration().serializer();
        AtomicReference<User> captured = new AtomicReference<>();
        fixture.givenNoPriorActivity().when(submitIn("a1", "eu")).expectState(captured::set);
        User restored = serializer.deserialize(serializer.serialize(captured.get(), byte[].class));

        newFixture().given(restored)
                .when(submitIn("a2", null))
                .expectEvents(scoredIn("a2", SECOND_QUIZ, "eu"));
    }
}
