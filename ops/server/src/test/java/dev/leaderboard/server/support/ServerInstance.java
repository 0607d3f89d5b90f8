package dev.leaderboard.server.support;

import dev.leaderboard.server.LeaderboardServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
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

    public static ServerInstance start(String databaseUrl, String... properties) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + TestPostgres.server().username(),
                "--spring.datasource.password=" + TestPostgres.server().password()));
        for (String property : properties) {
            args.add("--" + property);
        }
        return new ServerInstance(new SpringApplicationBuilder(LeaderboardServer.class)
                .profiles("test")
                .run(args.toArray(String[]::new)));
    }

    public Api api() {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    public EventStoreRows rows() {
        return new EventStoreRows(context.getBean(DataSource.class));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
