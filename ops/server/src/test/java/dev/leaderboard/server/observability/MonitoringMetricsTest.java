package dev.leaderboard.server.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.server.kafka.IngressTopics;
import dev.leaderboard.server.support.KafkaTestClient;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestKafka;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every metric the Grafana dashboard and the Prometheus alert rules in ops/deploy/monitoring name is exposed on
 * /actuator/prometheus by a server that has seen an action over HTTP, a read, and records on its Kafka ingress: a
 * renamed meter cannot leave a panel or an alert silently empty.
 */
class MonitoringMetricsTest {

    private static final Path MONITORING = Path.of("..", "deploy", "monitoring");
    /** Metric names in PromQL: our families; label names and functions have none of these prefixes. */
    private static final Pattern METRIC = Pattern.compile(
            "\\b((?:leaderboard|http|hikaricp|jvm|kafka|process|system)_[a-z0-9_]+)\\b");
    private static final IngressTopics TOPICS = IngressTopics.unique();

    private static ServerInstance server;

    @BeforeAll
    static void serverThatHasSeenEveryKindOfTraffic() {
        server = ServerInstance.start(TestPostgres.newDatabaseUrl(),
                TOPICS.serverProperties(TestKafka.bootstrapServers(), "leaderboard.kafka.consumer.concurrency=1",
                        // the closer registers its meters when it runs (off in the test profile)
                        "leaderboard.periods.close.enabled=true",
                        "leaderboard.outbound.topic.name=" + TOPICS.actions() + ".score-events"));
        assertThat(server.api().submitAction(Tokens.player("metrics"), "m-1", "level-up").status()).isEqualTo(202);
        assertThat(server.api().get("/api/v1/leaderboards/global/rankings", null).status()).isEqualTo(200);
        try (KafkaTestClient kafka = new KafkaTestClient(TestKafka.bootstrapServers())) {
            kafka.sendAction(TOPICS.actions(), "metrics-kafka", "k-1", "level-up");
            kafka.send(TOPICS.actions(), "metrics-kafka", "not json");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyMetricTheDashboardAndTheAlertRulesNameIsExposed() throws IOException {
        Set<String> named = new TreeSet<>();
        dashboardQueries().forEach(query -> named.addAll(metricsIn(query)));
        alertQueries().forEach(query -> named.addAll(metricsIn(query)));
        assertThat(named).as("the files name metrics at all").hasSizeGreaterThan(10);

        // Kafka's per-partition client metrics are bound by Micrometer within a minute of the consumer's start.
        String exposed = await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
                .until(() -> server.api().get("/actuator/prometheus", Tokens.admin()).body(),
                        body -> named.stream().allMatch(name -> isExposed(body, name)));

        assertThat(named).allMatch(name -> isExposed(exposed, name));
    }

    private static boolean isExposed(String scrape, String name) {
        return Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]").matcher(scrape).find();
    }

    private static Set<String> metricsIn(String query) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC.matcher(query);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static List<String> dashboardQueries() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(
                MONITORING.resolve("grafana/leaderboard-dashboard.json").toFile());
        return dashboard.findValuesAsText("expr");
    }

    @SuppressWarnings("unchecked")
    private static List<String> alertQueries() throws IOException {
        try (InputStream in = Files.newInputStream(MONITORING.resolve("alerts.yml"))) {
            Map<String, Object> rules = new Yaml().load(in);
            List<String> queries = new ArrayList<>();
            for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    queries.add(rule.get("expr").toString());
                }
            }
            return queries;
        }
    }
}
