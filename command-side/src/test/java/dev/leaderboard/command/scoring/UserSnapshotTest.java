package dev.leaderboard.command.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.eventstore.EventStoreAutoConfiguration;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Snapshots are the aggregate itself written by the project's Jackson serializer; loading one must lose nothing. */
class UserSnapshotTest extends UserFixtureSupport {

    private final Serializer serializer = new EventStoreAutoConfiguration().serializer();
    private User original;

    @BeforeEach
    void buildStateOnTwoBoards() {
        AtomicReference<User> captured = new AtomicReference<>();
        fixture.givenCommands(submit("a1", QUIZ, GLOBAL), submit("a2", LEVEL_UP, QUIZ_BOARD))
                .when(submit("a3", LEVEL_UP, GLOBAL))
                .expectState(captured::set);
        original = captured.get();
    }

    @Test
    void snapshotHoldsTheIdentifierAndTheTotalsPerBoard() throws IOException {
        JsonNode json = new ObjectMapper().readTree(snapshot().getData());

        assertThat(json.path("userId").asText()).isEqualTo(ALICE);
        assertThat(json.path("totalsByLeaderboard").path(GLOBAL).path("allTime").asLong()).isEqualTo(35);
        assertThat(json.path("totalsByLeaderboard").path(QUIZ_BOARD).path("allTime").asLong()).isEqualTo(25);
    }

    @Test
    void restoredAggregateHasTheSameState() {
        User restored = serializer.deserialize(snapshot());

        assertThat(restored).isNotSameAs(original);
        assertThat(restored).usingRecursiveComparison().isEqualTo(original);
    }

    @Test
    void aggregateLoadedFromTheSnapshotContinuesTheTotals() {
        User restored = serializer.deserialize(snapshot());

        newFixture().given(restored)
                .when(submit("a4", QUIZ, GLOBAL))
                .expectEvents(scored("a4", QUIZ, GLOBAL, QUIZ_POINTS,
                        totals(45, "2026-11-22", 45, "2026-W47", 45, "2026-11", 45), clock.instant()))
                .expectResultMessagePayload(accepted("a4", QUIZ, GLOBAL, QUIZ_POINTS));
    }

    @Test
    void aggregateLoadedFromTheSnapshotStillRecognisesDuplicates() {
        User restored = serializer.deserialize(snapshot());

        newFixture().given(restored)
                .when(submit("a2", LEVEL_UP, QUIZ_BOARD))
                .expectNoEvents()
                .expectResultMessagePayload(duplicate("a2", LEVEL_UP, QUIZ_BOARD, LEVEL_UP_POINTS));
    }

    private SerializedObject<byte[]> snapshot() {
        SerializedObject<byte[]> snapshot = serializer.serialize(original, byte[].class);
        assertThat(snapshot.getType().getName()).isEqualTo(User.class.getName());
        return snapshot;
    }
}
