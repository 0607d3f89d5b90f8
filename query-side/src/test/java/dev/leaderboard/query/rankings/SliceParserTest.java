package dev.leaderboard.query.rankings;

import dev.leaderboard.boards.BoardDirectory;
import dev.leaderboard.boards.LeaderboardProperties;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SliceParserTest {

    /** Only the configured board {@code global}: the directory never needs its database. */
    private final SliceParser parser = new SliceParser(new BoardDirectory(new LeaderboardProperties(null), null),
            Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC), 366);

    @Test
    void aSegmentReadsTheSegmentBoardAndShowsTheBoardId() {
        Slice slice = parser.parse("global", "weekly", null, null, null, "eu-west");

        assertThat(slice.leaderboardId()).isEqualTo("global@eu-west");
        assertThat(slice.boardId()).isEqualTo("global");
        assertThat(slice.segment()).isEqualTo("eu-west");
        assertThat(slice.view().key()).isEqualTo("2026-W47");
    }

    @Test
    void aCustomRangeOfASegmentReadsTheSegmentBoard() {
        Slice slice = parser.parse("global", "custom", null, "2026-11-01", "2026-11-07", "DE");

        assertThat(slice.leaderboardId()).isEqualTo("global@DE");
        assertThat(slice.segment()).isEqualTo("DE");
    }

    @Test
    void noSegmentOrAnEmptyOneReadsTheWholeBoard() {
        assertThat(parser.parse("global", null, null, null, null, null).leaderboardId()).isEqualTo("global");
        Slice empty = parser.parse("global", null, null, null, null, "");

        assertThat(empty.leaderboardId()).isEqualTo("global");
        assertThat(empty.segment()).isNull();
    }

    @Test
    void aMalformedSegmentIsABadRequest() {
        for (String segment : new String[] {"eu@west", "a".repeat(33), "eu west", " ", "é"}) {
            assertThatThrownBy(() -> parser.parse("global", null, null, null, null, segment))
                    .isInstanceOf(InvalidQueryException.class)
                    .hasMessage("segment must be 1-32 of [A-Za-z0-9._-]");
        }
    }
}
