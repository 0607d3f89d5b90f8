package dev.leaderboard.server.support;

import dev.leaderboard.server.LeaderboardServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A server started by the test itself, for scenarios a cached test context cannot show: restarts, several instances
 * on one database, non-default settings.
 */
public final class ServerInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ServerInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** A server on the given database and the shared test Redis, under a key prefix of that database's own. */
    public static ServerInstance start(String databaseUrl, String... properties) {
        return start(databaseUrl, TestRedis.shared().port(), null, properties);
    }

    public static ServerInstance start(String databaseUrl, int redisPort, Clock clock, String... properties) {
        return start(databaseUrl, redisPort, clock, context -> { }, properties);
    }

    /** As above, with an initializer run on the context before it refreshes (e.g. to observe a bean). */
    public static ServerInstance start(String databaseUrl, int redisPort, Clock clock,
                                       ApplicationContextInitializer<ConfigurableApplicationContext> initializer,
                                       String... properties) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=" + redisPort,
                "--leaderboard.redis.key-prefix=" + databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1),
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + TestPostgres.server().username(),
                "--spring.datasource.password=" + TestPostgres.server().password()));
        for (String property : properties) {
            args.add("--" + property);
        }
        SpringApplicationBuilder builder = new SpringApplicationBuilder(LeaderboardServer.class).profiles("test");
        if (clock != null) {
            builder.initializers(context -> context.getBeanFactory().registerSingleton("clock", clock));
        }
        builder.initializers(initializer);
        return new ServerInstance(builder.run(args.toArray(String[]::new)));
    }

    public Api api() {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    public EventStoreRows rows() {
        return new EventStoreRows(context.getBean(DataSource.class));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
