package dev.leaderboard.server.crash;

import dev.leaderboard.server.support.ServerJvm;
import dev.leaderboard.server.support.Standings;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.TestRedis;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Item 9 of issue 8: the server process is killed with SIGKILL in the middle of a concurrent write load and started
 * again on the same PostgreSQL and Redis. Every action answered {@code 202 accepted} is stored exactly once, nothing
 * is half-applied (a ledger row without its event or an event without its ledger row), an unanswered action is
 * stored at most once, retrying the unanswered ones is accepted or duplicate, and both standings stores end at the
 * sum of the stored points per player.
 */
class CrashUnderLoadTest {

    private static final int PLAYERS = 300;
    private static final int CLIENTS = 6;
    private static final int ACCEPTED_BEFORE_KILL = 1_500;
    private static final Map<String, Long> POINTS = Map.of("quiz-completed", 10L, "level-up", 25L);
    private static final String SCORE_INCREASED = "dev.leaderboard.events.ScoreIncreased";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String service = Tokens.service("crash-load");

    private enum Answer { ACCEPTED, UNANSWERED, REFUSED }

    private record Sent(String userId, String actionId, String type) {
        String json() {
            return "{\"actionId\":\"" + actionId + "\",\"type\":\"" + type + "\",\"userId\":\"" + userId + "\"}";
        }
    }

    @Test
    void everyAcceptedActionSurvivesAKill9ExactlyOnceAndTheStandingsCatchUpToTheStoredPoints() throws Exception {
        String database = TestPostgres.newDatabaseUrl();
        String prefix = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        int port = freePort();
        List<String> properties = List.of(
                "server.port=" + port,
                "spring.datasource.url=" + database,
                "spring.datasource.username=" + TestPostgres.server().username(),
                "spring.datasource.password=" + TestPostgres.server().password(),
                "spring.data.redis.host=127.0.0.1",
                "spring.data.redis.port=" + TestRedis.shared().port(),
                "leaderboard.redis.key-prefix=" + prefix);
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database, TestPostgres.server().username(),
                TestPostgres.server().password()));
        Map<Sent, Answer> answers = new ConcurrentHashMap<>();

        try (ServerJvm first = ServerJvm.start("crash-first", properties)) {
            awaitUp(port);
            AtomicInteger accepted = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch enoughAccepted = new CountDownLatch(1);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    while (!stop.get()) {
                        Sent sent = new Sent("cp-" + ThreadLocalRandom.current().nextInt(PLAYERS),
                                UUID.randomUUID().toString(),
                                ThreadLocalRandom.current().nextInt(4) == 0 ? "level-up" : "quiz-completed");
                        Answer answer = submit(port, sent);
                        answers.put(sent, answer);
                        if (answer == Answer.ACCEPTED && accepted.incrementAndGet() >= ACCEPTED_BEFORE_KILL) {
                            enoughAccepted.countDown();
                        }
                    }
                });
            }
            assertThat(enoughAccepted.await(3, TimeUnit.MINUTES)).as("the load got going").isTrue();

            long pid = first.pid();
            first.kill(); // Process.destroyForcibly(): SIGKILL on Unix
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

            assertThat(first.exitValue()).as("pid %d ended by SIGKILL (128 + 9), not a shutdown", pid).isEqualTo(137);
            assertThat(Files.readString(first.log())).doesNotContain("Commencing graceful shutdown");
        }
        assertThat(answers.values()).contains(Answer.ACCEPTED, Answer.UNANSWERED);

        try (ServerJvm second = ServerJvm.start("crash-second", properties)) {
            awaitUp(port);
            Map<String, Long> stored = storedActionCounts(jdbc);

            answers.forEach((sent, answer) -> {
                Long times = stored.get(sent.userId() + "/" + sent.actionId());
                if (answer == Answer.ACCEPTED) {
                    assertThat(times).as("accepted %s stored exactly once", sent).isEqualTo(1L);
                } else {
                    assertThat(times == null ? 0 : times).as("unanswered %s stored at most once", sent)
                            .isLessThanOrEqualTo(1L);
                }
            });
            assertThat(stored.values()).as("no action stored twice").allMatch(times -> times == 1);
            assertNothingHalfApplied(jdbc);

            Standings standings = new Standings(TestRedis.template(), jdbc, prefix);
            await("standings catch up after the restart").atMost(Duration.ofMinutes(2)).ignoreExceptions()
                    .untilAsserted(() -> assertStandingsAreTheStoredPoints(standings, jdbc));

            List<Sent> unanswered = answers.entrySet().stream().filter(e -> e.getValue() == Answer.UNANSWERED)
                    .map(Map.Entry::getKey).toList();
            for (Sent sent : unanswered) {
                assertThat(resubmit(port, sent)).as("retried %s", sent).isIn(202, 200);
            }
            Map<String, Long> afterRetry = storedActionCounts(jdbc);
            unanswered.forEach(sent -> assertThat(afterRetry.get(sent.userId() + "/" + sent.actionId()))
                    .as("retried %s stored exactly once", sent).isEqualTo(1L));
            assertThat(afterRetry.values()).allMatch(times -> times == 1);
            assertNothingHalfApplied(jdbc);
            await("standings include the retried actions").atMost(Duration.ofMinutes(1)).ignoreExceptions()
                    .untilAsserted(() -> assertStandingsAreTheStoredPoints(standings, jdbc));
            assertThat(storedPointsByPlayer(jdbc)).as("totals = what the clients were told, plus the retries")
                    .isEqualTo(expectedPoints(answers.keySet().stream()
                            .filter(s -> answers.get(s) != Answer.REFUSED).toList()));
        }
    }

    private Answer submit(int port, Sent sent) {
        try {
            HttpResponse<String> response = http.send(request(port, sent), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 202 && response.body().contains("\"status\":\"accepted\"")
                    ? Answer.ACCEPTED : Answer.REFUSED;
        } catch (IOException e) {
            return Answer.UNANSWERED; // refused connection, reset, or cut off by the kill: the outcome is unknown
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.UNANSWERED;
        }
    }

    private int resubmit(int port, Sent sent) throws IOException, InterruptedException {
        return http.send(request(port, sent), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private HttpRequest request(int port, Sent sent) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/actions"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + service).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(sent.json())).build();
    }

    private void awaitUp(int port) {
        await("server on port " + port + " is up").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/liveness")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    /** (userId/actionId) → how many ScoreIncreased events carry it. */
    private static Map<String, Long> storedActionCounts(JdbcTemplate jdbc) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("""
                SELECT aggregate_identifier, convert_from(payload, 'UTF8')::jsonb ->> 'actionId', count(*)
                FROM domain_event_entry WHERE payload_type = ? GROUP BY 1, 2""",
                rs -> {
                    counts.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
                }, SCORE_INCREASED);
        return counts;
    }

    private static void assertNothingHalfApplied(JdbcTemplate jdbc) {
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM processed_action p WHERE NOT EXISTS (
                  SELECT 1 FROM domain_event_entry e WHERE e.payload_type = ? AND e.aggregate_identifier = p.user_id
                    AND convert_from(e.payload, 'UTF8')::jsonb ->> 'actionId' = p.action_id)""", Long.class,
                SCORE_INCREASED)).as("ledger rows without their event").isZero();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry e WHERE e.payload_type = ? AND NOT EXISTS (
                  SELECT 1 FROM processed_action p WHERE p.user_id = e.aggregate_identifier
                    AND p.action_id = convert_from(e.payload, 'UTF8')::jsonb ->> 'actionId')""", Long.class,
                SCORE_INCREASED)).as("events without their ledger row").isZero();
    }

    private static Map<String, Long> storedPointsByPlayer(JdbcTemplate jdbc) {
        Map<String, Long> points = new HashMap<>();
        jdbc.query("""
                SELECT aggregate_identifier, sum((convert_from(payload, 'UTF8')::jsonb ->> 'points')::bigint)
                FROM domain_event_entry WHERE payload_type = ? GROUP BY 1""",
                rs -> {
                    points.put(rs.getString(1), rs.getLong(2));
                }, SCORE_INCREASED);
        return points;
    }

    private static Map<String, Long> expectedPoints(List<Sent> sent) {
        return sent.stream().collect(Collectors.groupingBy(Sent::userId,
                Collectors.summingLong(s -> POINTS.get(s.type()))));
    }

    private static void assertStandingsAreTheStoredPoints(Standings standings, JdbcTemplate jdbc) {
        Map<String, Long> stored = storedPointsByPlayer(jdbc);
        String allTime = "global|all-time|all-time";
        assertThat(asMap(standings.postgresBoards().getOrDefault(allTime, List.of())))
                .as("PostgreSQL standings").isEqualTo(stored);
        assertThat(asMap(standings.redisBoard(allTime))).as("Redis standings").isEqualTo(stored);
    }

    private static Map<String, Long> asMap(List<Standings.Entry> entries) {
        Map<String, Long> map = new HashMap<>();
        entries.forEach(entry -> map.put(entry.userId(), entry.score()));
        return map;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
