package dev.leaderboard.bench.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.*;

import java.io.IOException;
import java.sql.*;
import java.time.*;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Stored events as arithmetic, written by SQL: event {@code i} is user {@code i % users}'s event {@code i / users}
 * (interleaved: a processor batch never holds one player twice) with the totals {@code points × (sequence + 1)}, at
 * {@code first + i µs}. The payload is a real stored ScoreIncreased's JSON (the seed) with those values put in.
 */
public record EventFill(long events, int users, String prefix, Instant first) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> COLUMNS = Map.of("@user@", "e.user_id", "@action@", "e.action_id",
            "@occurred@", iso("e.occurred"));

    /** A ScoreIncreased the server stored for a player of its own: every filled row copies its row and JSON. */
    public record Seed(String userId, String payload, long points) {

        public static Seed submit(Target target) throws Exception {
            String user = target.runId + "-seed";
            if (target.api().submit(user, ServerApi.ACTION_TYPE, user) != 202) {
                throw new IllegalStateException("the seed action was not accepted");
            }
            target.progress.println("[fill] seed event stored; projections "
                    + target.api().awaitProjections());
            String payload = target.database().queryText("SELECT convert_from(payload, 'UTF8') FROM "
                    + "domain_event_entry WHERE aggregate_identifier = '" + user + "'");
            return new Seed(user, payload, tree(payload).path("points").asLong());
        }
    }

    /** From an hour ago, but not before today (UTC): every event falls into the seed's day, week and month. */
    public static EventFill recent(long events, int users, String prefix) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant dayStart = now.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant first = now.minus(1, ChronoUnit.HOURS).minus(events, ChronoUnit.MICROS);
        return new EventFill(events, users, prefix, first.isBefore(dayStart) ? dayStart
                : first.truncatedTo(ChronoUnit.SECONDS));
    }

    public String userId(long event) {
        return prefix + "u" + event % users;
    }

    public long total(long event, long points) {
        return points * (event / users + 1);
    }

    public String actionId(long event) {
        return prefix + "a" + event;
    }

    public Instant occurredAt(long event) {
        return first.plus(event, ChronoUnit.MICROS);
    }

    /** What the server would have stored for event {@code i}: the seed's JSON with this event's values. */
    public String expectedPayload(String seedPayload, long event, long points) throws IOException {
        return JSON.writeValueAsString(substitute(seedPayload, userId(event), actionId(event),
                DateTimeFormatter.ISO_INSTANT.format(occurredAt(event)), LongNode.valueOf(total(event, points))));
    }

    /** A SQL expression of type text that renders the seed's payload with the columns of table alias {@code e}. */
    public static String payloadSql(String seedPayload) throws IOException {
        String sql = "'" + JSON.writeValueAsString(substitute(seedPayload, "@user@", "@action@", "@occurred@",
                TextNode.valueOf("@total@"))).replace("'", "''").replace("\"@total@\"", "' || e.total || '") + "'";
        for (Map.Entry<String, String> column : COLUMNS.entrySet()) {
            sql = sql.replace(column.getKey(), "' || " + column.getValue() + " || '");
        }
        return sql;
    }

    private static ObjectNode substitute(String seedPayload, String user, String action, String occurred,
                                         JsonNode total) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(seedPayload);
        event.put("userId", user).put("actionId", action).put("occurredAt", occurred);
        ObjectNode totals = (ObjectNode) event.get("totals");
        totals.properties().forEach(window -> {
            if (window.getValue().isNumber()) {
                totals.set(window.getKey(), total);
            } else if (window.getValue() instanceof ObjectNode period && period.has("total")) {
                period.set("total", total);
            }
        });
        return event;
    }

    /** Every event in one transaction (chunks of 100,000 rows): a running processor sees the whole fill at once. */
    public void insert(Database database, Seed seed) throws Exception {
        try (Connection c = database.connect(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                meta_data, payload_revision, payload_type, payload, time_stamp)
                SELECT e.user_id, e.seq, s.type, gen_random_uuid()::text, s.meta_data, s.payload_revision,
                       s.payload_type, convert_to(%s, 'UTF8'),
                       to_char(e.occurred AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                FROM (SELECT * FROM domain_event_entry WHERE aggregate_identifier = '%s') AS s,
                     (SELECT '%su' || (g.i %% %d) AS user_id, g.i / %d AS seq, '%sa' || g.i AS action_id,
                             %d * (g.i / %d + 1) AS total,
                             '%s'::timestamptz + g.i * interval '1 microsecond' AS occurred
                      FROM generate_series(?::bigint, ?::bigint) AS g(i)) AS e"""
                .formatted(payloadSql(seed.payload()), seed.userId(), prefix, users, users, prefix, seed.points(),
                        users, first))) {
            c.setAutoCommit(false);
            for (long from = 0; from < events; from += 100_000) {
                insert.setLong(1, from);
                insert.setLong(2, Math.min(events, from + 100_000) - 1);
                insert.executeUpdate();
            }
            c.commit();
        }
    }

    /** Jackson's Instant format (ISO_INSTANT): groups of 3 fraction digits as needed, none for whole seconds. */
    private static String iso(String column) {
        String micros = "(extract(microseconds FROM " + column + ")::bigint % 1000000)";
        String utc = "(" + column + " AT TIME ZONE 'UTC')";
        return "(CASE WHEN " + micros + " = 0 THEN to_char(" + utc + ", 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                + " WHEN " + micros + " % 1000 = 0 THEN to_char(" + utc + ", 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
                + " ELSE to_char(" + utc + ", 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') END)";
    }

    public static JsonNode tree(String json) throws IOException {
        return JSON.readTree(json);
    }
}
