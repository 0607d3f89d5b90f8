package dev.leaderboard.server.projections;

import dev.leaderboard.projections.layout.RedisKeys;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.SseClient;
import dev.leaderboard.server.support.Standings;
import dev.leaderboard.server.support.Standings.Entry;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.Tokens;
import dev.leaderboard.windows.TimeWindow;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standings projection's side of suspensions and adjustments: a suspended player leaves every board, window and
 * period in Redis at once (PostgreSQL keeps their rows, hidden by {@code visible_standing}), later standings of theirs
 * stay out of Redis, and a reinstatement puts back exactly what they had; an adjustment moves standings like an
 * increase. Events are appended to the store as the User aggregate would append them. Each test uses boards of its
 * own.
 */
class SuspensionProjectionTest {

    private static ServerInstance server;
    private static PlayerEvents events;
    private static Standings standings;
    private static JdbcTemplate jdbc;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeAll
    static void start() {
        server = ServerInstance.start(TestPostgres.newDatabaseUrl());
        events = new PlayerEvents(server.bean(EventStore.class));
        standings = Standings.of(server);
        jdbc = server.rows().jdbc();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSuspendedPlayerLeavesEveryBoardWindowAndPeriodInRedisWhileTheirRowsStayInPostgres() {
        Instant yesterday = now.minus(1, ChronoUnit.DAYS);
        events.append(
                events.increase("cheat", "sus-a", 50, yesterday),
                events.increase("cheat", "sus-a", 40, now),
                events.increase("cheat", "sus-a2", 70, now),
                events.increase("honest", "sus-a", 4, yesterday),
                events.increase("honest", "sus-a", 6, now),
                events.increase("honest", "sus-a2", 10, now));
        ProjectionProgress.awaitCaughtUp(server);
        int rowsBefore = standingRowsOf("cheat");
        assertThat(usersIn(redisBoardsOf("sus-a"))).contains("cheat");

        events.append(events.suspend("cheat", now));
        ProjectionProgress.awaitCaughtUp(server);

        Map<String, List<Entry>> redis = new TreeMap<>(redisBoardsOf("sus-a"));
        redis.putAll(redisBoardsOf("sus-a2"));
        // every window of both boards, and yesterday's daily board as well as today's
        assertThat(redis).containsKeys("sus-a|daily|" + TimeWindow.DAILY.periodOf(yesterday).key(),
                "sus-a|daily|" + TimeWindow.DAILY.periodOf(now).key(), "sus-a|all-time|all-time",
                "sus-a2|weekly|" + TimeWindow.WEEKLY.periodOf(now).key(),
                "sus-a2|monthly|" + TimeWindow.MONTHLY.periodOf(now).key());
        assertThat(usersIn(redis)).doesNotContain("cheat");
        assertThat(redis.get("sus-a|all-time|all-time")).containsExactly(new Entry("honest", 10));
        assertThat(redis.get("sus-a|daily|" + TimeWindow.DAILY.periodOf(yesterday).key()))
                .containsExactly(new Entry("honest", 4));
        RedisKeys keys = server.bean(RedisKeys.class);
        assertThat(server.bean(StringRedisTemplate.class).opsForHash()
                .get(keys.members(liveGeneration(), "sus-a", TimeWindow.ALL_TIME, TimeWindow.ALL_TIME_KEY), "cheat"))
                .as("the player's entry in the members hash").isNull();
        assertThat(suspendedIn(liveGeneration())).contains("cheat");
        assertThat(standingRowsOf("cheat")).isEqualTo(rowsBefore).isPositive();
        assertThat(visibleRowsOf("cheat")).isZero();
    }

    @Test
    void anAdjustmentDuringASuspensionIsStoredButHiddenUntilTheReinstatementShowsIt() {
        events.append(events.increase("alice", "sus-b", 30, now), events.increase("bob", "sus-b", 20, now));
        events.append(events.suspend("alice", now));
        ProjectionProgress.awaitCaughtUp(server);

        events.append(events.adjust("alice", "sus-b", -5, now.plusMillis(1)));
        ProjectionProgress.awaitCaughtUp(server);

        assertThat(usersIn(redisBoardsOf("sus-b"))).doesNotContain("alice");
        assertThat(jdbc.queryForObject("""
                SELECT score FROM standing WHERE generation = ? AND leaderboard_id = 'sus-b'
                AND time_window = 'all-time' AND user_id = 'alice'""", Long.class, liveGeneration())).isEqualTo(25);

        events.append(events.reinstate("alice", now.plusMillis(2)));
        ProjectionProgress.awaitCaughtUp(server);

        assertThat(redisBoardsOf("sus-b").get("sus-b|all-time|all-time"))
                .containsExactly(new Entry("alice", 25), new Entry("bob", 20));
        assertThat(redisBoardsOf("sus-b")).isEqualTo(visiblePostgresBoardsOf("sus-b")).hasSize(4);
        assertThat(suspendedIn(liveGeneration())).doesNotContain("alice");
    }

    @Test
    void aReinstatementRestoresTheExactTotalsRanksAndTieBreaksOfBeforeTheSuspension() {
        Instant yesterday = now.minus(1, ChronoUnit.DAYS);
        // first and second tie on 20: first reached it earlier and ranks first
        events.append(
                events.increase("first", "sus-c", 5, yesterday),
                events.increase("first", "sus-c", 15, now.minusSeconds(2)),
                events.increase("second", "sus-c", 20, now.minusSeconds(1)),
                events.increase("third", "sus-c", 10, now));
        ProjectionProgress.awaitCaughtUp(server);
        Map<String, List<Entry>> before = redisBoardsOf("sus-c");
        Map<String, Object> membersBefore = membersOf("sus-c", TimeWindow.ALL_TIME, TimeWindow.ALL_TIME_KEY);
        assertThat(before.get("sus-c|all-time|all-time")).containsExactly(
                new Entry("first", 20), new Entry("second", 20), new Entry("third", 10));

        events.append(events.suspend("first", now));
        ProjectionProgress.awaitCaughtUp(server);
        assertThat(redisBoardsOf("sus-c").get("sus-c|all-time|all-time"))
                .containsExactly(new Entry("second", 20), new Entry("third", 10));

        events.append(events.reinstate("first", now));
        ProjectionProgress.awaitCaughtUp(server);

        assertThat(redisBoardsOf("sus-c")).isEqualTo(before);
        assertThat(membersOf("sus-c", TimeWindow.ALL_TIME, TimeWindow.ALL_TIME_KEY)).isEqualTo(membersBefore);
    }

    @Test
    void anAdjustmentMovesTheRankInEveryWindowAndATotalNeverGoesBelowZero() {
        events.append(events.increase("leader", "adj", 30, now), events.increase("chaser", "adj", 20, now));
        ProjectionProgress.awaitCaughtUp(server);

        events.append(events.adjust("chaser", "adj", 15, now.plusMillis(1)));
        ProjectionProgress.awaitCaughtUp(server);
        Map<String, List<Entry>> boards = redisBoardsOf("adj");
        assertThat(boards).hasSize(4).allSatisfy((board, entries) ->
                assertThat(entries).as(board).containsExactly(new Entry("chaser", 35), new Entry("leader", 30)));
        assertThat(boards).isEqualTo(visiblePostgresBoardsOf("adj"));

        events.append(events.adjust("chaser", "adj", -100, now.plusMillis(2)));
        ProjectionProgress.awaitCaughtUp(server);
        assertThat(redisBoardsOf("adj").get("adj|all-time|all-time"))
                .containsExactly(new Entry("leader", 30), new Entry("chaser", 0));
        assertThat(redisBoardsOf("adj")).isEqualTo(visiblePostgresBoardsOf("adj"));
    }

    @Test
    void oneBatchThatIncreasesSuspendsAndReinstatesAPlayerWritesTheStateAfterItsLastEvent() {
        events.append(events.increase("back", "sus-e", 10, now), events.increase("gone", "sus-e", 10, now));
        ProjectionProgress.awaitCaughtUp(server);

        events.append(
                events.increase("back", "sus-e", 25, now.plusMillis(1)),
                events.suspend("back", now.plusMillis(2)),
                events.increase("gone", "sus-e", 5, now.plusMillis(1)),
                events.suspend("gone", now.plusMillis(2)),
                events.adjust("back", "sus-e", 3, now.plusMillis(3)),
                events.reinstate("back", now.plusMillis(4)),
                events.increase("fresh", "sus-e", 7, now.plusMillis(1)),
                events.suspend("fresh", now.plusMillis(2)),
                events.reinstate("fresh", now.plusMillis(3)),
                events.suspend("fresh", now.plusMillis(4)));
        ProjectionProgress.awaitCaughtUp(server);

        assertThat(redisBoardsOf("sus-e")).hasSize(4).allSatisfy((board, entries) ->
                assertThat(entries).as(board).containsExactly(new Entry("back", 38)));
        assertThat(redisBoardsOf("sus-e")).isEqualTo(visiblePostgresBoardsOf("sus-e"));
        assertThat(suspendedIn(liveGeneration())).contains("gone", "fresh").doesNotContain("back");
        assertThat(jdbc.queryForObject("""
                SELECT score FROM standing WHERE generation = ? AND leaderboard_id = 'sus-e'
                AND time_window = 'all-time' AND user_id = 'gone'""", Long.class, liveGeneration())).isEqualTo(15);
    }

    @Test
    void liveStreamClientsSeeASuspendedPlayerVanishAndReturn() throws Exception {
        Api api = server.api();
        assertThat(api.put("/api/v1/admin/leaderboards/sus-live", Tokens.admin(), "{\"name\":\"Live\"}").status())
                .isLessThan(300);
        events.append(events.increase("star", "sus-live", 90, now), events.increase("steady", "sus-live", 40, now));
        ProjectionProgress.awaitCaughtUp(server);
        int port = ((WebServerApplicationContext) server.context()).getWebServer().getPort();

        try (SseClient client = new SseClient(port, "/api/v1/leaderboards/sus-live/stream?window=all-time&top=5")) {
            SseClient.Event snapshot = client.next(Duration.ofSeconds(10));
            assertThat(snapshot.data().get("entries").findValuesAsText("userId")).containsExactly("star", "steady");

            events.append(events.suspend("star", now));
            SseClient.Event vanished = client.next(Duration.ofSeconds(10));
            assertThat(vanished).as("an event after the suspension").isNotNull();
            assertThat(vanished.data().get("entries").findValuesAsText("userId")).containsExactly("steady");

            events.append(events.reinstate("star", now));
            SseClient.Event returned = client.next(Duration.ofSeconds(10));
            assertThat(returned).as("an event after the reinstatement").isNotNull();
            assertThat(returned.data().get("entries").findValuesAsText("userId")).containsExactly("star", "steady");
        }
    }

    // --- reading both stores ---

    private static Map<String, List<Entry>> redisBoardsOf(String board) {
        Map<String, List<Entry>> boards = new TreeMap<>();
        standings.redisBoards().forEach((key, entries) -> {
            if (key.startsWith(board + "|")) {
                boards.put(key, entries);
            }
        });
        return boards;
    }

    static Map<String, List<Entry>> visiblePostgresBoardsOf(String board) {
        Map<String, List<Entry>> boards = new TreeMap<>();
        jdbc.query("""
                SELECT leaderboard_id, time_window, period, user_id, score FROM visible_standing
                WHERE generation = ? AND leaderboard_id = ?
                ORDER BY leaderboard_id, time_window, period, score DESC, reached_at, user_id DESC""", rs -> {
            String key = rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3);
            boards.computeIfAbsent(key, k -> new ArrayList<>()).add(new Entry(rs.getString(4), rs.getLong(5)));
        }, liveGeneration(), board);
        return boards;
    }

    private static List<String> usersIn(Map<String, List<Entry>> boards) {
        return boards.values().stream().flatMap(List::stream).map(Entry::userId).distinct().toList();
    }

    private static Map<String, Object> membersOf(String board, TimeWindow window, String period) {
        String key = server.bean(RedisKeys.class).members(liveGeneration(), board, window, period);
        Map<String, Object> members = new TreeMap<>();
        server.bean(StringRedisTemplate.class).opsForHash().entries(key).forEach((k, v) -> members.put((String) k, v));
        return members;
    }

    private static int liveGeneration() {
        return jdbc.queryForObject("SELECT live_generation FROM projection_generation WHERE projection = 'standings'",
                Integer.class);
    }

    private static List<String> suspendedIn(int generation) {
        return jdbc.queryForList("SELECT user_id FROM suspended_player WHERE generation = ? ORDER BY user_id",
                String.class, generation);
    }

    private static int standingRowsOf(String user) {
        return jdbc.queryForObject("SELECT count(*) FROM standing WHERE generation = ? AND user_id = ?",
                Integer.class, liveGeneration(), user);
    }

    private static int visibleRowsOf(String user) {
        return jdbc.queryForObject("SELECT count(*) FROM visible_standing WHERE generation = ? AND user_id = ?",
                Integer.class, liveGeneration(), user);
    }
}
