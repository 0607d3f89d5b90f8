package dev.leaderboard.bench.projections;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.events.ScoreIncreased;
import dev.leaderboard.eventstore.StoredJson;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FillPlanTest {

    private final FillPlan plan = new FillPlan(25, 10, "fx-", "fill-x-", "global", "quiz-completed", 10,
            Instant.parse("2026-11-22T10:15:30Z"));

    @Test
    void usersAreInterleavedAndTotalsGrowPerUser() {
        assertThat(plan.userId(plan.userOf(0))).isEqualTo("fx-0");
        assertThat(plan.userOf(13)).isEqualTo(3);
        assertThat(plan.sequenceOf(13)).isEqualTo(1);
        assertThat(plan.totalOf(23)).isEqualTo(30);
        assertThat(plan.eventsOf(4)).isEqualTo(3);
        assertThat(plan.eventsOf(5)).isEqualTo(2);
        assertThat(plan.distinctUsers()).isEqualTo(10);
    }

    @Test
    void eventCarriesTheSamePeriodsAndTotalsInEveryWindow() {
        ScoreIncreased event = plan.event(13);
        assertThat(event.userId()).isEqualTo("fx-3");
        assertThat(event.totals().allTime()).isEqualTo(20);
        assertThat(event.totals().daily().period()).isEqualTo("2026-11-22");
        assertThat(event.totals().weekly().period()).isEqualTo("2026-W47");
        assertThat(event.totals().monthly().period()).isEqualTo("2026-11");
        assertThat(event.totals().monthly().total()).isEqualTo(20);
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-22T10:15:30.000013Z"));
        assertThat(event.attributes()).isEqualTo(Map.of());
    }

    @Test
    void aPlanCrossingADayIsRefused() {
        assertThatThrownBy(() -> new FillPlan(2_000_000, 10, "f-", "a-", "global", "t", 1,
                Instant.parse("2026-11-22T23:59:59Z"))).hasMessageContaining("daily");
    }

    @Test
    void idsThatWouldNeedEscapingAreRefused() {
        assertThatThrownBy(() -> new FillPlan(1, 1, "f'-", "a-", "global", "t", 1, Instant.EPOCH))
                .hasMessageContaining("not a safe id");
    }

    @Test
    void theFillSqlWritesTheFieldsInTheSerializersOrder() throws Exception {
        // The stored sample of revision 1: the SQL must write its fields in the same order.
        String sample = Files.readString(Path.of("../../event-store-config/src/test/resources/stored-events/"
                + "ScoreIncreased-r1.json")).trim();
        String sql = StoreFill.chunkSql(plan);
        int inSample = -1;
        int inSql = -1;
        for (String field : new String[]{"userId", "leaderboardId", "actionId", "actionType", "points", "totals",
                "allTime", "daily", "weekly", "monthly", "occurredAt", "attributes"}) {
            int nextInSample = sample.indexOf("\"" + field + "\":");
            int nextInSql = sql.indexOf("\"" + field + "\":");
            assertThat(nextInSample).as(field + " in the sample").isGreaterThan(inSample);
            assertThat(nextInSql).as(field + " in the SQL").isGreaterThan(inSql);
            inSample = nextInSample;
            inSql = nextInSql;
        }
        ObjectMapper json = StoredJson.newObjectMapper();
        String written = json.writeValueAsString(plan.event(0));
        assertThat(written).startsWith("{\"userId\":\"fx-0\",\"leaderboardId\":\"global\",\"actionId\":\"fill-x-0\"")
                .endsWith(",\"occurredAt\":\"2026-11-22T10:15:30Z\",\"attributes\":{},\"segment\":null}");
        assertThat(sql).contains("generate_series(?::bigint, ?::bigint)").contains("'2026-11-22T10:15:30Z'")
                .contains("% 10)").doesNotContain("%%");
    }
}
