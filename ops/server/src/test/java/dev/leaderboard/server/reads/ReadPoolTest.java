package dev.leaderboard.server.reads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads have a connection pool of their own, so a flood of them cannot take the connections writes need; every
 * pool's sessions carry statement_timeout and lock_timeout, so a stuck read ends with a 503 instead of holding on.
 */
class ReadPoolTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String EXPORT = "/api/v1/leaderboards/global/export";
    private static String database;
    private static ServerInstance server;
    private static Api api;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        database = TestPostgres.newDatabaseUrl();
        server = ServerInstance.start(database,
                "leaderboard.read-datasource.maximum-pool-size=2",
                "leaderboard.read-datasource.connection-timeout=500ms",
                "leaderboard.database.statement-timeout=3s",
                "leaderboard.database.lock-timeout=1m",
                "leaderboard.query.export-statement-timeout=1s",
                "leaderboard.query.max-concurrent-exports=1");
        api = server.api();
        http = RawHttp.to(server);
        ReadFixture.submit(api, "ann", "1", "level-up");
        ReadFixture.awaitProjected(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A custom range; a different one per test, as a computed page is reused for a few seconds. */
    private static String range(int days) {
        return "/api/v1/leaderboards/global/rankings?window=custom&from=" + TODAY.minusDays(days - 1) + "&to=" + TODAY;
    }

    private static DataSource readPool() {
        return server.context().getBean("readDataSource", DataSource.class);
    }

    @Test
    void sessionsOfThePrimaryAndTheReadPoolCarryTheConfiguredStatementAndLockTimeouts() throws SQLException {
        for (DataSource pool : List.of(server.bean(DataSource.class), readPool())) {
            try (Connection connection = pool.getConnection()) {
                assertThat(show(connection, "statement_timeout")).isEqualTo("3s");
                assertThat(show(connection, "lock_timeout")).isEqualTo("1min");
            }
        }
        assertThat(server.bean(DataSource.class)).isNotSameAs(readPool());
    }

    @Test
    void withEveryReadConnectionTakenAWriteStillSucceedsAndReadsAreAnswered503() throws Exception {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                held.add(readPool().getConnection());
            }

            Api.Response write = api.submitAction(Tokens.player("writer"), "w1", "daily-login");
            HttpResponse<String> range = http.get(range(1));
            HttpResponse<String> export = http.get(EXPORT);
            HttpResponse<String> boards = http.get("/api/v1/leaderboards");

            assertThat(write.status()).isEqualTo(202);
            for (HttpResponse<String> read : List.of(range, export, boards)) {
                assertRetryLater(read, "Reads unavailable");
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        assertThat(http.get(range(1)).statusCode()).isEqualTo(200);
    }

    @Test
    void aReadStuckLongerThanTheStatementTimeoutIsAnswered503() throws Exception {
        HttpResponse<String> range;
        try (HeldLock lock = HeldLock.on(database, "suspended_player")) {
            range = http.get(range(2));
        }

        assertRetryLater(range, "Read timed out");
        assertThat(http.get(range(2)).statusCode()).isEqualTo(200);
    }

    @Test
    void anExportStuckLongerThanItsStatementTimeoutEndsWith503AndFreesItsPlace() throws Exception {
        HttpResponse<String> export;
        try (HeldLock lock = HeldLock.on(database, "suspended_player")) {
            export = http.get(EXPORT);
        }

        assertRetryLater(export, "Read timed out");
        HttpResponse<String> next = http.get(EXPORT);
        assertThat(next.statusCode()).as("the cap of 1 is free again").isEqualTo(200);
        assertThat(next.body()).contains("\"userId\":\"ann\"");
    }

    private static void assertRetryLater(HttpResponse<String> response, String title) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("title").asText()).isEqualTo(title);
        assertThat(problem.get("status").asInt()).isEqualTo(503);
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
