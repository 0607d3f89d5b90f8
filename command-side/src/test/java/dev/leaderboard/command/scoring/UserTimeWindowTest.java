package dev.leaderboard.command.scoring;

import org.junit.jupiter.api.Test;

/** Period totals restart when the server clock enters a new UTC day, ISO week or month; all-time carries on. */
class UserTimeWindowTest extends UserFixtureSupport {

    @Test
    void dailyTotalRestartsAtMidnightUtc() {
        clock.set("2026-11-24T23:59:59.999Z");
        var given = fixture.givenCommands(submit("a1", QUIZ));
        clock.set("2026-11-25T00:00:00Z");

        given.when(submit("a2", QUIZ))
                .expectEvents(scored("a2", QUIZ, GLOBAL, QUIZ_POINTS,
                        totals(20, "2026-11-25", 10, "2026-W48", 20, "2026-11", 20), clock.instant()));
    }

    @Test
    void weeklyTotalRestartsWhenSundayTurnsIntoMonday() {
        clock.set("2026-11-22T23:59:59Z");
        var given = fixture.givenCommands(submit("a1", QUIZ));
        clock.set("2026-11-23T00:00:00Z");

        given.when(submit("a2", QUIZ))
                .expectEvents(scored("a2", QUIZ, GLOBAL, QUIZ_POINTS,
                        totals(20, "2026-11-23", 10, "2026-W48", 10, "2026-11", 20), clock.instant()));
    }

    @Test
    void monthlyTotalRestartsOnTheFirstOfTheMonthWhileTheWeekContinues() {
        clock.set("2026-11-30T23:59:59Z");
        var given = fixture.givenCommands(submit("a1", QUIZ));
        clock.set("2026-12-01T00:00:00Z");

        given.when(submit("a2", QUIZ))
                .expectEvents(scored("a2", QUIZ, GLOBAL, QUIZ_POINTS,
                        totals(20, "2026-12-01", 10, "2026-W49", 20, "2026-12", 10), clock.instant()));
    }

    @Test
    void isoWeek53Of2026ContinuesIntoJanuary2027() {
        clock.set("2026-12-31T12:00:00Z");
        var given = fixture.givenCommands(submit("a1", QUIZ));
        clock.set("2027-01-01T00:00:00Z");

        given.when(submit("a2", QUIZ))
                .expectEvents(scored("a2", QUIZ, GLOBAL, QUIZ_POINTS,
                        totals(20, "2027-01-01", 10, "2026-W53", 20, "2027-01", 10), clock.instant()));
    }

    @Test
    void isoWeek1Of2027StartsOnMondayTheFourth() {
        clock.set("2026-12-31T12:00:00Z");
        var given = fixture.givenCommands(submit("a1", QUIZ));
        clock.set("2027-01-03T23:59:59Z");
        given.andGivenCommands(submit("a2", QUIZ));
        clock.set("2027-01-04T00:00:00Z");

        given.when(submit("a3", QUIZ))
                .expectEvents(scored("a3", QUIZ, GLOBAL, QUIZ_POINTS,
                        totals(30, "2027-01-04", 10, "2027-W01", 10, "2027-01", 20), clock.instant()));
    }

    @Test
    void leapDayIsItsOwnDayInFebruary() {
        clock.set("2028-02-28T23:00:00Z");
        var given = fixture.givenCommands(submit("a1", QUIZ));
        clock.set("2028-02-29T01:00:00Z");

        given.when(submit("a2", QUIZ))
                .expectEvents(scored("a2", QUIZ, GLOBAL, QUIZ_POINTS,
                        totals(20, "2028-02-29", 10, "2028-W09", 20, "2028-02", 20), clock.instant()));
    }

    @Test
    void allTimeCarriesOnAcrossMonthsWhilePeriodTotalsStartOver() {
        clock.set("2026-10-15T12:00:00Z");
        var given = fixture.givenCommands(submit("a1", LEVEL_UP), submit("a2", LEVEL_UP));
        clock.set("2026-11-22T10:15:30Z");

        given.when(submit("a3", QUIZ))
                .expectEvents(scored("a3", QUIZ, GLOBAL, QUIZ_POINTS,
                        totals(60, "2026-11-22", 10, "2026-W47", 10, "2026-11", 10), clock.instant()));
    }
}
