package dev.leaderboard.bench.projections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.bench.baseline.Database;
import dev.leaderboard.bench.baseline.EventTemplate;
import dev.leaderboard.eventstore.StoredJson;
import dev.leaderboard.windows.TimeWindow;
import org.axonframework.common.DateTimeUtils;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link FillPlan}'s events into {@code domain_event_entry} with one {@code INSERT … SELECT … FROM
 * generate_series} per chunk, all chunks in <b>one transaction</b>: a streaming processor that is already running
 * sees none of them until the commit, and then all of them at once, with consecutive global indexes (nothing else
 * writes events meanwhile), so its catch-up starts at the commit. The payload JSON is built in SQL in exactly the
 * byte layout of the project's serializer ({@link StoredJson}); {@link #verify} checks that on rows read back.
 */
final class StoreFill {

    static final String SCORE_INCREASED = EventTemplate.SCORE_INCREASED;
    static final String PAYLOAD_REVISION = "1";
    static final int CHUNK = 100_000;

    private StoreFill() {
    }

    /** The SQL of one chunk; parameters: aggregate type, metadata bytes, first and last event number (inclusive). */
    static String chunkSql(FillPlan plan) {
        String total = "e.total";
        String json = "'{\"userId\":\"' || e.user_id || '\",\"leaderboardId\":\"" + plan.leaderboardId()
                + "\",\"actionId\":\"' || e.action_id || '\",\"actionType\":\"" + plan.actionType()
                + "\",\"points\":" + plan.points()
                + ",\"totals\":{\"allTime\":' || " + total
                + " || ',\"daily\":{\"period\":\"" + period(plan, TimeWindow.DAILY) + "\",\"total\":' || " + total
                + " || '},\"weekly\":{\"period\":\"" + period(plan, TimeWindow.WEEKLY) + "\",\"total\":' || " + total
                + " || '},\"monthly\":{\"period\":\"" + period(plan, TimeWindow.MONTHLY) + "\",\"total\":' || "
                + total + " || '}},\"occurredAt\":\"' || " + isoInstant("e.occurred")
                + " || '\",\"attributes\":{},\"segment\":null}'";
        return """
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                meta_data, payload, payload_revision, payload_type, time_stamp)
                SELECT e.user_id, e.seq, ?, gen_random_uuid()::text, ?, convert_to(%s, 'UTF8'), '%s', '%s',
                       to_char(e.occurred AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                FROM (SELECT '%s' || (g.i %% %d) AS user_id, g.i / %d AS seq, '%s' || g.i AS action_id,
                             %d * (g.i / %d + 1) AS total,
                             '%s'::timestamptz + g.i * interval '1 microsecond' AS occurred
                      FROM generate_series(?::bigint, ?::bigint) AS g(i)) AS e"""
                .formatted(json, PAYLOAD_REVISION, SCORE_INCREASED, plan.userPrefix(), plan.users(), plan.users(),
                        plan.actionPrefix(), plan.points(), plan.users(), plan.firstOccurredAt());
    }

    /**
     * Jackson's {@code Instant} format ({@code DateTimeFormatter.ISO_INSTANT}): the fraction of a second in as many
     * groups of three digits as it needs, none for a whole second.
     */
    static String isoInstant(String column) {
        String micros = "(extract(microseconds FROM " + column + ")::bigint % 1000000)";
        String utc = "(" + column + " AT TIME ZONE 'UTC')";
        return "(CASE WHEN " + micros + " = 0 THEN to_char(" + utc + ", 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                + " WHEN " + micros + " % 1000 = 0 THEN to_char(" + utc + ", 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
                + " ELSE to_char(" + utc + ", 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') END)";
    }

    private static String period(FillPlan plan, TimeWindow window) {
        String key = plan.period(window);
        if (!FillPlan.SAFE.matcher(key).matches()) {
            throw new IllegalStateException("unexpected period key " + key);
        }
        return key;
    }

    /** @return how long the inserts and the commit took */
    static Duration fill(Database database, FillPlan plan, EventTemplate template, PrintStream progress)
            throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(chunkSql(plan))) {
                for (long first = 0; first < plan.events(); first += CHUNK) {
                    long last = Math.min(plan.events(), first + CHUNK) - 1;
                    insert.setString(1, template.type());
                    insert.setBytes(2, template.metaData());
                    insert.setLong(3, first);
                    insert.setLong(4, last);
                    int rows = insert.executeUpdate();
                    if (rows != last - first + 1) {
                        throw new IllegalStateException("chunk " + first + ".." + last + " wrote " + rows + " rows");
                    }
                    if ((last + 1) % (CHUNK * 5L) == 0 || last + 1 == plan.events()) {
                        progress.printf(Locale.ROOT, "  filled %,d of %,d events (%.0f s, not committed yet)%n",
                                last + 1, plan.events(), (System.nanoTime() - started) / 1e9);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            connection.commit();
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * Reads back a few filled events (first, second, middle, last) and compares each stored row with what the
     * project's serializer and Axon write for the same event: payload bytes, time stamp, type and revision.
     *
     * @return an empty list when all match, otherwise one line per difference
     */
    static List<String> verify(Database database, FillPlan plan) throws SQLException {
        ObjectMapper json = StoredJson.newObjectMapper();
        List<String> problems = new ArrayList<>();
        long[] samples = {0, Math.min(1, plan.events() - 1), plan.events() / 2, plan.events() - 1};
        try (Connection connection = database.connect();
             PreparedStatement read = connection.prepareStatement("""
                     SELECT payload, time_stamp, payload_type, payload_revision FROM domain_event_entry
                     WHERE aggregate_identifier = ? AND sequence_number = ?""")) {
            for (long i : Arrays.stream(samples).distinct().toArray()) {
                read.setString(1, plan.userId(plan.userOf(i)));
                read.setLong(2, plan.sequenceOf(i));
                try (ResultSet row = read.executeQuery()) {
                    if (!row.next()) {
                        problems.add("event " + i + " not found");
                        continue;
                    }
                    String stored = new String(row.getBytes(1), StandardCharsets.UTF_8);
                    String expected = json.writeValueAsString(plan.event(i));
                    if (!stored.equals(expected)) {
                        problems.add("event " + i + " payload differs:\n    stored   " + stored
                                + "\n    expected " + expected);
                    }
                    String timeStamp = DateTimeUtils.formatInstant(plan.occurredAt(i));
                    if (!timeStamp.equals(row.getString(2))) {
                        problems.add("event " + i + " time_stamp " + row.getString(2) + ", expected " + timeStamp);
                    }
                    if (!SCORE_INCREASED.equals(row.getString(3)) || !PAYLOAD_REVISION.equals(row.getString(4))) {
                        problems.add("event " + i + " payload type/revision " + row.getString(3) + "/"
                                + row.getString(4));
                    }
                } catch (JsonProcessingException e) {
                    problems.add("event " + i + " could not be serialized: " + e.getMessage());
                }
            }
        }
        return problems;
    }

    /**
     * Checks the fill SQL's JSON against a real event the server stored: a ScoreIncreased read back and written
     * again by the project's serializer must give the stored bytes (it does unless the serializer changed), and its
     * field layout is the one {@link #chunkSql} writes.
     */
    static List<String> checkAgainstRealEvent(EventTemplate template) {
        ObjectMapper json = StoredJson.newObjectMapper();
        try {
            var event = json.readValue(template.payload(), dev.leaderboard.events.ScoreIncreased.class);
            String again = json.writeValueAsString(event);
            String stored = new String(template.payload(), StandardCharsets.UTF_8);
            if (!again.equals(stored)) {
                return List.of("the server's stored ScoreIncreased is not what the serializer writes:\n    stored "
                        + stored + "\n    again  " + again);
            }
            if (!SCORE_INCREASED.equals(template.payloadType()) || !PAYLOAD_REVISION.equals(template.payloadRevision())) {
                return List.of("the server stores ScoreIncreased as " + template.payloadType() + " revision "
                        + template.payloadRevision());
            }
            return List.of();
        } catch (java.io.IOException e) {
            return List.of("the server's stored ScoreIncreased could not be read: " + e.getMessage());
        }
    }
}
