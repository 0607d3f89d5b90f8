package dev.leaderboard.local;

import dev.leaderboard.embedded.EmbeddedKafkaServer;
import dev.leaderboard.embedded.EmbeddedPostgresServer;
import dev.leaderboard.embedded.EmbeddedRedisServer;
import dev.leaderboard.server.LeaderboardServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code java -jar leaderboard-local.jar}: starts PostgreSQL 17, Redis and Kafka on loopback, then the server with
 * every role. {@code java -jar leaderboard-local.jar token --sub alice --scope player} prints a dev token instead.
 */
public final class LocalLauncher {

    private static final Logger log = LoggerFactory.getLogger(LocalLauncher.class);

    private LocalLauncher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("token")) {
            System.out.println(DevTokens.mintFromArgs(Arrays.copyOfRange(args, 1, args.length), System.getenv()));
            return;
        }
        SpringApplication app = new SpringApplication(LeaderboardServer.class);
        start(app, LocalSettings.from(System.getenv()), Map.of(), args);
    }

    /**
     * Starts the embedded servers, points the application at them (above application.yml, below environment
     * variables and command-line arguments, plus {@code extraProperties}), and runs it with the {@code local}
     * profile. The servers stop after every bean is destroyed; if anything fails to start, the process exits 1.
     */
    public static ConfigurableApplicationContext start(SpringApplication app, LocalSettings settings,
                                                       Map<String, ?> extraProperties, String... args) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(
                    settings.postgresDirectory(), settings.postgresPort());
            started.push(postgres);
            EmbeddedRedisServer redis = EmbeddedRedisServer.start(settings.redisPort());
            started.push(redis);
            EmbeddedKafkaServer kafka = startKafka(settings);
            started.push(kafka);
            log.info("Embedded PostgreSQL on {}, Redis on {}, Kafka on {}; data in {}", postgres.port(),
                    redis.port(), kafka.bootstrapServers(), settings.dataDirectory());

            Map<String, Object> properties = new HashMap<>(extraProperties);
            properties.put("spring.datasource.url", postgres.jdbcUrl());
            properties.put("spring.datasource.username", postgres.username());
            properties.put("spring.datasource.password", postgres.password());
            properties.put("spring.data.redis.host", "127.0.0.1");
            properties.put("spring.data.redis.port", redis.port());
            properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());

            // Registered before every other bean, so destroyed after all of them: processors store their tokens
            // and pools close before the servers they talk to go away.
            app.addInitializers(context -> ((DefaultListableBeanFactory) context.getBeanFactory())
                    .registerDisposableBean("embeddedServers", () -> closeAll(started)));
            return runLocal(app, properties, args);
        } catch (RuntimeException | Error e) {
            log.error("Local mode failed to start", e);
            closeAll(started);
            System.exit(1);
            return null;
        }
    }

    /**
     * Runs the application with the {@code local} profile against servers another process started (a second
     * instance on one PostgreSQL, Redis and Kafka): {@code properties} must name them ({@code spring.datasource.*},
     * {@code spring.data.redis.*}, {@code spring.kafka.bootstrap-servers}); they rank as in {@link #start}.
     */
    public static ConfigurableApplicationContext attach(SpringApplication app, Map<String, ?> properties,
                                                        String... args) {
        return runLocal(app, properties, args);
    }

    private static ConfigurableApplicationContext runLocal(SpringApplication app, Map<String, ?> properties,
                                                           String... args) {
        Map<String, Object> withLoopback = new HashMap<>(properties);
        withLoopback.put("server.address", "127.0.0.1");
        app.setAdditionalProfiles("local");
        app.addInitializers(context -> context.getEnvironment().getPropertySources().addAfter(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new MapPropertySource("embeddedServers", withLoopback)));
        return app.run(args);
    }

    /** Kafka on 127.0.0.1:{@code LEADERBOARD_LOCAL_KAFKA_PORT}, its log kept in {@code <data dir>/kafka}. */
    static EmbeddedKafkaServer startKafka(LocalSettings settings) {
        return EmbeddedKafkaServer.startPersistent(settings.kafkaDirectory(), settings.kafkaPort());
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            AutoCloseable server = started.pop();
            try {
                server.close();
            } catch (Exception e) {
                log.warn("Embedded server {} did not stop cleanly", server.getClass().getSimpleName(), e);
            }
        }
    }
}
