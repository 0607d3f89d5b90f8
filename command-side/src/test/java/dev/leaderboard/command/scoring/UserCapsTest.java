package dev.leaderboard.command.scoring;

import dev.leaderboard.command.scoring.ScoringProperties.ActionTypeSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** Per-action-type caps are decided by the aggregate from the stored events, per player, board and period. */
class UserCapsTest extends UserFixtureSupport {

    static final String DAILY_LOGIN = "daily-login";
    static final String ACHIEVEMENT = "achievement-unlocked";

    @BeforeEach
    void capTypes() {
        actionTypes = new ActionTypes(Map.of(
                QUIZ, new ActionTypeSettings(QUIZ_POINTS, Map.of()),
                DAILY_LOGIN, new ActionTypeSettings(5L, Map.of("daily", 1)),
                ACHIEVEMENT, new ActionTypeSettings(50L, Map.of("weekly", 2))));
        fixture = newFixture();
    }

    @Test
    void theSecondDailyLoginOfADayIsRefusedAndScoresNothing() {
        clock.set("2026-11-24T08:00:00Z");
        var given = fixture.givenCommands(submit("login-1", DAILY_LOGIN));
        clock.set("2026-11-24T23:00:00Z");

        given.when(submit("login-2", DAILY_LOGIN))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejectedFor(Rejection.CAP_REACHED));
    }

    @Test
    void theNextDayHasANewAllowance() {
        clock.set("2026-11-24T23:59:59Z");
        var given = fixture.givenCommands(submit("login-1", DAILY_LOGIN));
        clock.set("2026-11-25T00:00:00Z");

        given.when(submit("login-2", DAILY_LOGIN))
                .expectEvents(scored("login-2", DAILY_LOGIN, GLOBAL, 5,
                        totals(10, "2026-11-25", 5, "2026-W48", 10, "2026-11", 10), clock.instant()));
    }

    @Test
    void aWeeklyCapCountsAcrossTheDaysOfTheWeek() {
        clock.set("2026-11-23T10:00:00Z");
        var given = fixture.givenCommands(submit("ach-1", ACHIEVEMENT));
        clock.set("2026-11-25T10:00:00Z");
        given.andGivenCommands(submit("ach-2", ACHIEVEMENT));
        clock.set("2026-11-29T23:00:00Z");

        given.when(submit("ach-3", ACHIEVEMENT))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejectedFor(Rejection.CAP_REACHED));
    }

    @Test
    void capsArePerBoard() {
        var given = fixture.givenCommands(submit("login-1", DAILY_LOGIN, GLOBAL));

        given.when(submit("login-2", DAILY_LOGIN, QUIZ_BOARD))
                .expectResultMessagePayload(accepted("login-2", DAILY_LOGIN, QUIZ_BOARD, 5));
    }

    @Test
    void aResendOfTheCountedActionIsStillADuplicate() {
        var given = fixture.givenCommands(submit("login-1", DAILY_LOGIN));

        given.when(submit("login-1", DAILY_LOGIN))
                .expectNoEvents()
                .expectResultMessagePayload(duplicate("login-1", DAILY_LOGIN, GLOBAL, 5));
    }

    @Test
    void uncappedTypesAreNotLimited() {
        var given = fixture.givenCommands(submit("q1", QUIZ), submit("q2", QUIZ), submit("q3", QUIZ));

        given.when(submit("q4", QUIZ)).expectResultMessagePayload(accepted("q4", QUIZ, GLOBAL, QUIZ_POINTS));
    }
}
