package dev.leaderboard.bench.baseline;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The benchmarked server's PostgreSQL, reached with plain JDBC (no pool: each baseline client holds one connection).
 */
public record Database(String jdbcUrl, String user, String password) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** A setting as {@code SHOW} prints it, e.g. {@code synchronous_commit}. */
    public String setting(String name) throws SQLException {
        try (Connection connection = connect();
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SHOW " + name)) {
            return rows.next() ? rows.getString(1) : "?";
        }
    }
}
