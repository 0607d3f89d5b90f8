package dev.leaderboard.bench.core;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventFillTest {

    /** A ScoreIncreased as the server stores it (field order and format of its Jackson serializer). */
    static final String SEED = "{\"userId\":\"r1-seed\",\"leaderboardId\":\"global\",\"actionId\":\"r1-seed\","
            + "\"actionType\":\"quiz-completed\",\"points\":10,\"totals\":{\"allTime\":10,\"daily\":{\"period\":"
            + "\"2026-12-07\",\"total\":10},\"weekly\":{\"period\":\"2026-W50\",\"total\":10},\"monthly\":{\"period\":"
            + "\"2026-12\",\"total\":10}},\"occurredAt\":\"2026-12-07T14:50:01.123456Z\",\"attributes\":{},"
            + "\"segment\":null}";

    private final EventFill fill = new EventFill(1_003, 100, "r1f", Instant.parse("2026-12-07T13:00:00Z"));

    @Test
    void eventsInterleaveTheirUsersAndCarryRunningTotals() {
        assertThat(fill.userId(0)).isEqualTo("r1fu0");
        assertThat(fill.userId(101)).isEqualTo("r1fu1");
        assertThat(fill.total(0, 10)).isEqualTo(10);
        assertThat(fill.total(1_002, 10)).isEqualTo(110);
        assertThat(fill.actionId(7)).isEqualTo("r1fa7");
        assertThat(fill.occurredAt(1_500_000)).isEqualTo(Instant.parse("2026-12-07T13:00:01.500Z"));
    }

    @Test
    void theExpectedPayloadIsTheSeedWithTheEventsValuesInTheSameLayout() throws Exception {
        assertThat(fill.expectedPayload(SEED, 1_002, 10)).isEqualTo(SEED.replace("r1-seed\",\"leaderboardId",
                        "r1fu2\",\"leaderboardId").replace("\"actionId\":\"r1-seed\"", "\"actionId\":\"r1fa1002\"")
                .replace(":10,", ":110,").replace(":10}", ":110}").replace("\"points\":110", "\"points\":10")
                .replace("14:50:01.123456Z", "13:00:00.001002Z"));
        assertThat(fill.expectedPayload(SEED, 0, 10)).contains("\"occurredAt\":\"2026-12-07T13:00:00Z\"");
    }

    @Test
    void theSqlTemplateKeepsEveryOtherByteOfTheSeedAndPutsColumnsWhereTheValuesWere() throws Exception {
        String sql = EventFill.payloadSql(SEED);
        assertThat(sql).startsWith("'{\"userId\":\"' || e.user_id || '\",\"leaderboardId\":\"global\",\"actionId\":\"'"
                + " || e.action_id || '\",\"actionType\":\"quiz-completed\",\"points\":10,\"totals\":{\"allTime\":' || "
                + "e.total || ',\"daily\":{\"period\":\"2026-12-07\",\"total\":' || e.total || '}");
        assertThat(sql).endsWith("\",\"attributes\":{},\"segment\":null}'");
        assertThat(sql).contains("\"occurredAt\":\"' || (CASE WHEN").doesNotContain("@");
        assertThat(EventFill.payloadSql(SEED.replace("quiz-completed", "it's"))).contains("it''s");
    }
}
