package dev.leaderboard.bench.server;

import dev.leaderboard.local.LocalLauncher;
import dev.leaderboard.local.LocalSettings;
import dev.leaderboard.server.LeaderboardServer;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar leaderboard-bench.jar server --engine jdbc|jpa [--attach]}: local mode (embedded PostgreSQL 17,
 * Redis and Kafka on loopback, profile {@code local}, same environment variables as {@code leaderboard-local.jar})
 * with the chosen Axon storage engine. With {@code --attach} it starts no embedded servers and uses those another
 * bench server started, named by its Spring arguments (a second instance). Once ready it logs {@link #ENGINE_MARKER}
 * with the engine it really runs, which the benchmark checks.
 */
public final class BenchServer {

    public static final String ENGINE_MARKER = "bench-server storage engine: ";
    public static final String ATTACH = "--attach";

    private static final Logger log = LoggerFactory.getLogger(BenchServer.class);

    private BenchServer() {
    }

    public static void main(String[] args) {
        StorageEngine engine = StorageEngine.JDBC;
        boolean attach = false;
        List<String> springArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--engine") && i + 1 < args.length) {
                engine = StorageEngine.parse(args[++i]);
            } else if (args[i].equals(ATTACH)) {
                attach = true;
            } else {
                springArgs.add(args[i]);
            }
        }
        SpringApplication app = new SpringApplication(LeaderboardServer.class);
        app.setAllowBeanDefinitionOverriding(engine.replacesServerBeans());
        app.addListeners(new PersistenceReport());
        app.addPrimarySources(List.of(EdgeFloorController.class));
        log.info("Benchmark server with storage engine {}", engine.label());
        // A benchmark sends far more than one player's or one address' share; arguments and env can still override.
        Map<String, Object> properties = new HashMap<>(engine.springProperties());
        properties.putIfAbsent("leaderboard.rate-limits.enabled", "false");
        if (attach) {
            LocalLauncher.attach(app, properties, springArgs.toArray(String[]::new));
        } else {
            LocalLauncher.start(app, LocalSettings.from(System.getenv()), properties,
                    springArgs.toArray(String[]::new));
        }
    }

    /**
     * Logs which persistence beans the server really runs once it is ready. A class, not a lambda: Spring cannot see
     * a lambda's event type, and would then call it for every event (twice per request) and swallow a
     * ClassCastException each time.
     */
    private static final class PersistenceReport implements ApplicationListener<ApplicationReadyEvent> {

        @Override
        public void onApplicationEvent(ApplicationReadyEvent ready) {
            ConfigurableApplicationContext context = ready.getApplicationContext();
            log.info("{}{}, token store {}, transaction manager {}", ENGINE_MARKER,
                    simpleNameOf(context, EventStorageEngine.class),
                    simpleNameOf(context, TokenStore.class),
                    simpleNameOf(context, PlatformTransactionManager.class));
        }

        private static String simpleNameOf(ConfigurableApplicationContext context, Class<?> type) {
            Object bean = context.getBeanProvider(type).getIfUnique();
            return bean == null ? "none" : bean.getClass().getSimpleName();
        }
    }
}
