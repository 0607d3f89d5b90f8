package dev.leaderboard.command.leaderboards;

import dev.leaderboard.boards.LeaderboardDefinition;
import dev.leaderboard.boards.Tier;
import dev.leaderboard.events.BoardTier;
import dev.leaderboard.command.testing.InMemoryLeaderboardCatalog;
import dev.leaderboard.command.testing.MutableClock;
import dev.leaderboard.events.LeaderboardDefined;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.predicate;

class LeaderboardTest {

    private static final Instant DEFINED_AT = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryLeaderboardCatalog catalog = new InMemoryLeaderboardCatalog("global");
    private FixtureConfiguration<Leaderboard> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Leaderboard.class);
        fixture.registerInjectableResource(catalog);
        fixture.registerInjectableResource(clock);
    }

    @Test
    void defineLeaderboardTargetsTheBoardPrefixedAggregate() {
        assertThat(new DefineLeaderboard("weekly-quiz", "Weekly quiz", null).aggregateId())
                .isEqualTo("board:weekly-quiz");
        assertThat(Leaderboard.aggregateIdOf("alice")).isEqualTo("board:alice");
    }

    @Test
    void newBoardIsCreatedRecordedAndSavedInTheCatalog() {
        fixture.givenNoPriorActivity()
                .when(new DefineLeaderboard("weekly-quiz", "Weekly quiz", "Top quizzers"))
                .expectEvents(new LeaderboardDefined("weekly-quiz", "Weekly quiz", "Top quizzers", NOW))
                .expectResultMessagePayload(Leaderboard.DefinitionOutcome.CREATED);

        assertThat(catalog.saves()).containsExactly(new InMemoryLeaderboardCatalog.Save(
                new LeaderboardDefinition("weekly-quiz", "Weekly quiz", "Top quizzers"), NOW));
        assertThat(catalog.exists("weekly-quiz")).isTrue();
    }

    @Test
    void newBoardEventIsStoredInTheBoardStream() {
        fixture.givenNoPriorActivity()
                .when(new DefineLeaderboard("weekly-quiz", "Weekly quiz", null))
                .expectEventsMatching(exactSequenceOf(
                        predicate(event -> event instanceof DomainEventMessage<?> message
                                && message.getAggregateIdentifier().equals("board:weekly-quiz")),
                        andNoMore()));
    }

    @Test
    void sameDefinitionAgainIsUnchangedAndProducesNoEvent() {
        fixture.given(new LeaderboardDefined("weekly-quiz", "Weekly quiz", "Top quizzers", DEFINED_AT))
                .when(new DefineLeaderboard("weekly-quiz", "Weekly quiz", "Top quizzers"))
                .expectNoEvents()
                .expectResultMessagePayload(Leaderboard.DefinitionOutcome.UNCHANGED);

        assertThat(catalog.saves()).isEmpty();
    }

    @Test
    void sameDefinitionWithoutDescriptionIsUnchanged() {
        fixture.given(new LeaderboardDefined("weekly-quiz", "Weekly quiz", null, DEFINED_AT))
                .when(new DefineLeaderboard("weekly-quiz", "Weekly quiz", null))
                .expectNoEvents()
                .expectResultMessagePayload(Leaderboard.DefinitionOutcome.UNCHANGED);
    }

    @Test
    void changedNameIsAnUpdate() {
        fixture.given(new LeaderboardDefined("weekly-quiz", "Weekly quiz", "Top quizzers", DEFINED_AT))
                .when(new DefineLeaderboard("weekly-quiz", "Quiz of the week", "Top quizzers"))
                .expectEvents(new LeaderboardDefined("weekly-quiz", "Quiz of the week", "Top quizzers", NOW))
                .expectResultMessagePayload(Leaderboard.DefinitionOutcome.UPDATED);

        assertThat(catalog.saves()).containsExactly(new InMemoryLeaderboardCatalog.Save(
                new LeaderboardDefinition("weekly-quiz", "Quiz of the week", "Top quizzers"), NOW));
    }

    @Test
    void changedDescriptionIsAnUpdate() {
        fixture.given(new LeaderboardDefined("weekly-quiz", "Weekly quiz", "Top quizzers", DEFINED_AT))
                .when(new DefineLeaderboard("weekly-quiz", "Weekly quiz", "The best of the week"))
                .expectEvents(new LeaderboardDefined("weekly-quiz", "Weekly quiz", "The best of the week", NOW))
                .expectResultMessagePayload(Leaderboard.DefinitionOutcome.UPDATED);
    }

    @Test
    void removedDescriptionIsAnUpdate() {
        fixture.given(new LeaderboardDefined("weekly-quiz", "Weekly quiz", "Top quizzers", DEFINED_AT))
                .when(new DefineLeaderboard("weekly-quiz", "Weekly quiz", null))
                .expectEvents(new LeaderboardDefined("weekly-quiz", "Weekly quiz", null, NOW))
                .expectResultMessagePayload(Leaderboard.DefinitionOutcome.UPDATED);
    }

    @Test
    void changedTiersAreAnUpdateStoredInTheEventAndTheCatalog() {
        List<Tier> tiers = List.of(Tier.top("gold", 10), Tier.topPercent("silver", "12.5"));
        fixture.given(new LeaderboardDefined("weekly-quiz", "Weekly quiz", null, DEFINED_AT))
                .when(new DefineLeaderboard("weekly-quiz", "Weekly quiz", null, tiers))
                .expectEvents(new LeaderboardDefined("weekly-quiz", "Weekly quiz", null, NOW, List.of(
                        new BoardTier("gold", 10L, null), new BoardTier("silver", null, new BigDecimal("12.5")))))
                .expectResultMessagePayload(Leaderboard.DefinitionOutcome.UPDATED);

        assertThat(catalog.saves()).containsExactly(new InMemoryLeaderboardCatalog.Save(
                new LeaderboardDefinition("weekly-quiz", "Weekly quiz", null, tiers), NOW));
    }

    @Test
    void sameTiersAgainAreUnchangedWhateverTheNumberSpelling() {
        fixture.given(new LeaderboardDefined("weekly-quiz", "Weekly quiz", null, DEFINED_AT,
                        List.of(new BoardTier("silver", null, new BigDecimal("10")))))
                .when(new DefineLeaderboard("weekly-quiz", "Weekly quiz", null,
                        List.of(Tier.topPercent("silver", "10.0"))))
                .expectNoEvents()
                .expectResultMessagePayload(Leaderboard.DefinitionOutcome.UNCHANGED);
    }

    @Test
    void removingEveryTierIsAnUpdate() {
        fixture.given(new LeaderboardDefined("weekly-quiz", "Weekly quiz", null, DEFINED_AT,
                        List.of(new BoardTier("gold", 3L, null))))
                .when(new DefineLeaderboard("weekly-quiz", "Weekly quiz", null))
                .expectEvents(new LeaderboardDefined("weekly-quiz", "Weekly quiz", null, NOW))
                .expectResultMessagePayload(Leaderboard.DefinitionOutcome.UPDATED);
    }
}
