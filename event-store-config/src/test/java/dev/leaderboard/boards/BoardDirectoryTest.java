package dev.leaderboard.boards;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Configured boards and their tiers; operator definitions (the table) are covered by the server's TiersTest. */
class BoardDirectoryTest {

    /** A database in which no operator defined any board. */
    private static final JdbcTemplate NO_DEFINITIONS = new JdbcTemplate() {
        @Override
        public <T> List<T> query(String sql, RowMapper<T> rowMapper, Object... args) {
            return List.of();
        }

        @Override
        public <T> List<T> query(String sql, RowMapper<T> rowMapper) {
            return List.of();
        }
    };

    @Test
    void globalTakesConfiguredTiersAndKeepsItsNameAndDescription() {
        BoardDirectory boards = new BoardDirectory(new LeaderboardProperties(Map.of(BoardDirectory.GLOBAL,
                new LeaderboardProperties.Board(null, null, List.of(
                        new LeaderboardProperties.TierSpec("gold", 10L, null),
                        new LeaderboardProperties.TierSpec("silver", null, new BigDecimal("12.5")))))),
                NO_DEFINITIONS);

        LeaderboardDefinition global = boards.find(BoardDirectory.GLOBAL).orElseThrow();

        assertThat(global.name()).isEqualTo("Global");
        assertThat(global.description()).startsWith("The default leaderboard");
        assertThat(global.tiers()).containsExactly(Tier.top("gold", 10), Tier.topPercent("silver", "12.5"));
        assertThat(boards.find("no-such-board")).isEmpty();
    }

    @Test
    void aConfiguredBoardWithoutANameIsNamedByItsIdAndHasNoTiersByDefault() {
        BoardDirectory boards = new BoardDirectory(new LeaderboardProperties(Map.of("weekly-quiz",
                new LeaderboardProperties.Board(null, "Configured", null))), NO_DEFINITIONS);

        assertThat(boards.all()).extracting(LeaderboardDefinition::leaderboardId)
                .containsExactly("global", "weekly-quiz");
        assertThat(boards.find("weekly-quiz")).contains(new LeaderboardDefinition("weekly-quiz", "weekly-quiz",
                "Configured"));
    }

    @Test
    void aBadConfiguredTierStopsTheStartWithItsReason() {
        LeaderboardProperties properties = new LeaderboardProperties(Map.of("cup", new LeaderboardProperties.Board(
                "Cup", null, List.of(new LeaderboardProperties.TierSpec("gold", 3L, BigDecimal.TEN)))));

        assertThatThrownBy(() -> new BoardDirectory(properties, NO_DEFINITIONS))
                .hasMessageContaining("tier 'gold' needs exactly one of 'top' and 'topPercent'");
    }

    @Test
    void tiersRoundTripThroughTheirColumnJson() {
        assertThat(BoardDirectory.tiersToJson(List.of(Tier.top("gold", 3), Tier.topPercent("silver", "12.5"))))
                .isEqualTo("[{\"name\":\"gold\",\"top\":3},{\"name\":\"silver\",\"topPercent\":12.5}]");
        assertThat(BoardDirectory.tiersToJson(List.of())).isNull();
    }

    @Test
    void aDefinitionIsReloadedAfterASecondAndKeptWhileTheDatabaseCannotAnswer() {
        List<Object> answers = new ArrayList<>(List.of(
                new LeaderboardDefinition("cup", "Cup", null, List.of(Tier.top("gold", 1))),
                new DataAccessResourceFailureException("database down"),
                new LeaderboardDefinition("cup", "Cup", null, List.of(Tier.top("gold", 2)))));
        JdbcTemplate database = new JdbcTemplate() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> List<T> query(String sql, RowMapper<T> rowMapper, Object... args) {
                Object answer = answers.remove(0);
                if (answer instanceof RuntimeException e) {
                    throw e;
                }
                return List.of((T) answer);
            }
        };
        AtomicLong nanos = new AtomicLong();
        BoardDirectory boards = new BoardDirectory(new LeaderboardProperties(Map.of()), database, nanos::get,
                Runnable::run);

        assertThat(boards.find("cup").orElseThrow().tiers()).containsExactly(Tier.top("gold", 1));
        nanos.addAndGet(Duration.ofMillis(1_500).toNanos());
        assertThat(boards.find("cup").orElseThrow().tiers()).as("the reload failed: the last definition stays")
                .containsExactly(Tier.top("gold", 1));
        assertThat(boards.find("cup").orElseThrow().tiers()).as("reloaded").containsExactly(Tier.top("gold", 2));
        assertThat(answers).isEmpty();
    }
}
