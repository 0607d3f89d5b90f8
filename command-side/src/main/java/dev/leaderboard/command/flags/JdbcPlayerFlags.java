package dev.leaderboard.command.flags;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.events.FlagResolved;
import dev.leaderboard.events.PlayerFlagged;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@link PlayerFlags} in the {@code player_flag} table. */
public class JdbcPlayerFlags implements PlayerFlags {

    private static final String COLUMNS =
            "flag_id, user_id, rule, evidence, raised_at, status, resolution, reason, resolved_by, resolved_at";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<FlagView> rows = this::row;
    private final MeterRegistry meters;

    public JdbcPlayerFlags(JdbcTemplate jdbc, ObjectMapper json, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.json = json;
        this.meters = meters;
    }

    @Override
    public void raised(PlayerFlagged flag) {
        jdbc.update("""
                        INSERT INTO player_flag (flag_id, user_id, rule, evidence, raised_at, status)
                        VALUES (?, ?, ?, ?, ?, 'open') ON CONFLICT (flag_id) DO NOTHING""",
                flag.flagId(), flag.userId(), flag.rule(), write(flag.evidence()), Timestamp.from(flag.occurredAt()));
        // counted when decided; a batch rolled back afterwards and decided again counts its flags twice
        meters.counter("leaderboard.flags.raised", "rule", flag.rule()).increment();
    }

    @Override
    public void resolved(FlagResolved resolution) {
        jdbc.update("""
                        UPDATE player_flag SET status = 'resolved', resolution = ?, reason = ?, resolved_by = ?,
                               resolved_at = ?
                        WHERE flag_id = ?""",
                resolution.resolution(), resolution.reason(), resolution.operator(),
                Timestamp.from(resolution.occurredAt()), resolution.flagId());
    }

    @Override
    public Optional<FlagView> find(String flagId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM player_flag WHERE flag_id = ?", rows, flagId).stream()
                .findFirst();
    }

    @Override
    public List<FlagView> list(FlagView.Status status, int offset, int limit) {
        if (status == null) {
            return jdbc.query("SELECT " + COLUMNS + " FROM player_flag ORDER BY raised_at, flag_id OFFSET ? LIMIT ?",
                    rows, offset, limit);
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM player_flag WHERE status = ? ORDER BY raised_at, flag_id "
                + "OFFSET ? LIMIT ?", rows, status.json(), offset, limit);
    }

    private FlagView row(ResultSet rs, int rowNum) throws SQLException {
        Timestamp resolvedAt = rs.getTimestamp("resolved_at");
        return new FlagView(rs.getString("flag_id"), rs.getString("user_id"), rs.getString("rule"),
                read(rs.getString("evidence")), rs.getTimestamp("raised_at").toInstant(),
                FlagView.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getString("resolution"),
                rs.getString("reason"), rs.getString("resolved_by"),
                resolvedAt == null ? null : resolvedAt.toInstant());
    }

    private String write(Map<String, Object> evidence) {
        try {
            return json.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("flag evidence is not serializable", e);
        }
    }

    private Map<String, Object> read(String evidence) {
        try {
            return json.readValue(evidence, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored flag evidence is not JSON", e);
        }
    }
}
