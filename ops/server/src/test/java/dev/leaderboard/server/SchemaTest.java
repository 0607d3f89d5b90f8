package dev.leaderboard.server;

import dev.leaderboard.server.support.ServerTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Flyway owns the schema, and stored bytes live in bytea columns, never in Large Objects. */
class SchemaTest extends ServerTest {

    @Test
    void payloadsMetadataAndTokensAreByteaNotLargeObjects() {
        List<Map<String, Object>> columns = rows.jdbc().queryForList("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_name IN ('domain_event_entry', 'snapshot_event_entry', 'token_entry')
                  AND column_name IN ('payload', 'meta_data', 'token')""");

        assertThat(columns).hasSize(5)
                .allSatisfy(column -> assertThat(column.get("data_type")).isEqualTo("bytea"));
        assertThat(rows.jdbc().queryForObject("SELECT count(*) FROM pg_largeobject_metadata", Integer.class))
                .isZero();
    }

    @Test
    void theEmbeddedDatabaseCommitsDurably() {
        assertThat(rows.jdbc().queryForObject("SHOW fsync", String.class)).isEqualTo("on");
        assertThat(rows.jdbc().queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
    }

    @Test
    void flywayAppliedEveryMigration() {
        List<String> applied = rows.jdbc().queryForList(
                "SELECT script FROM flyway_schema_history WHERE success ORDER BY installed_rank", String.class);

        assertThat(applied).contains("V1__axon_event_store.sql", "V2__command_side_tables.sql");
    }

    @Test
    void storedEventsAreJsonWithRevisions() {
        api.submitAction(dev.leaderboard.server.support.Tokens.player("json-check"), newActionId(), "level-up");

        Map<String, Object> row = rows.jdbc().queryForMap("""
                SELECT payload_type, payload_revision, convert_from(payload, 'UTF8')::jsonb ->> 'actionType' AS type
                FROM domain_event_entry WHERE aggregate_identifier = 'json-check'""");

        assertThat(row).containsEntry("payload_type", "dev.leaderboard.events.ScoreIncreased")
                .containsEntry("payload_revision", "1")
                .containsEntry("type", "level-up");
    }
}
