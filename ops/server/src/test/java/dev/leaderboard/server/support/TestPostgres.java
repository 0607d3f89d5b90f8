package dev.leaderboard.server.support;

import org.springframework.boot.SpringApplication;

import dev.leaderboard.embedded.EmbeddedPostgresServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL 17 per test JVM; every test that needs isolation gets a database of its own in it.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgresServer server;
    private static String sharedDatabaseUrl;

    private TestPostgres() {
    }

    public static synchronized EmbeddedPostgresServer server() {
        if (server == null) {
            server = EmbeddedPostgresServer.startTemporary();
            // After Spring has closed every context (they still use it while closing), not in a parallel JVM hook.
            SpringApplication.getShutdownHandlers().add(server::close);
        }
        return server;
    }

    /** The database behind the shared Spring test context. */
    public static synchronized String sharedDatabaseUrl() {
        if (sharedDatabaseUrl == null) {
            sharedDatabaseUrl = newDatabaseUrl();
        }
        return sharedDatabaseUrl;
    }

    /** A new, empty database (Flyway migrates it when a context starts on it). */
    public static String newDatabaseUrl() {
        String name = "test_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(server().jdbcUrl(), server().username(),
                server().password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return server().jdbcUrl().replace("/postgres", "/" + name);
    }
}
