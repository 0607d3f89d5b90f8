package dev.leaderboard.bench.baseline;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A copy of {@code domain_event_entry}'s shape (columns, constraints, indexes) that the baselines write to, so the
 * event store itself is never touched. It gets its own sequence: {@code LIKE … INCLUDING ALL} would otherwise copy
 * the default that draws from the event store's global index sequence.
 */
public final class ScratchEventTable {

    public static final String NAME = "bench_baseline_event";

    private ScratchEventTable() {
    }

    public static void create(Database database) throws SQLException {
        execute(database,
                "DROP TABLE IF EXISTS " + NAME,
                "CREATE TABLE " + NAME + " (LIKE domain_event_entry INCLUDING ALL)",
                "CREATE SEQUENCE " + NAME + "_seq OWNED BY " + NAME + ".global_index",
                "ALTER TABLE " + NAME + " ALTER COLUMN global_index SET DEFAULT nextval('" + NAME + "_seq')");
    }

    public static void truncate(Database database) throws SQLException {
        execute(database, "TRUNCATE " + NAME);
    }

    public static void drop(Database database) throws SQLException {
        execute(database, "DROP TABLE IF EXISTS " + NAME);
    }

    private static void execute(Database database, String... statements) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
