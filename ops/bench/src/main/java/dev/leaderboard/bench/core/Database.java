package dev.leaderboard.bench.core;

import java.sql.*;

/** The server's PostgreSQL, reached with plain JDBC (no pool: each baseline client holds one connection). */
public record Database(String jdbcUrl, String user, String password) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    public void execute(String... statements) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** The first column of the first row, as text ({@code SHOW fsync}, {@code SELECT count(*) …}). */
    public String queryText(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    public long queryLong(String sql) throws SQLException {
        String value = queryText(sql);
        return value == null ? 0 : Long.parseLong(value);
    }

    public String describe() throws SQLException {
        return "PostgreSQL %s, synchronous_commit=%s, fsync=%s, shared_buffers=%s".formatted(
                queryText("SHOW server_version"), queryText("SHOW synchronous_commit"), queryText("SHOW fsync"),
                queryText("SHOW shared_buffers"));
    }
}
