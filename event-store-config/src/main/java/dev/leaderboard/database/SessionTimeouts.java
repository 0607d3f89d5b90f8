package dev.leaderboard.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Gives every Hikari pool in the context (the primary one Spring Boot configures, the query side's read pool) the
 * session limits of {@link DatabaseProperties}, before the pool opens its first connection. They are passed as the
 * {@code options} startup parameter rather than a {@code SET} after connecting, so they are the sessions' defaults:
 * a {@code SET LOCAL} in one transaction ends with it, and {@code RESET} returns to them, not to the server's.
 */
public class SessionTimeouts implements BeanPostProcessor, EnvironmentAware {

    private DatabaseProperties properties;

    @Override
    public void setEnvironment(Environment environment) {
        // A post-processor is created before configuration properties beans, so it binds them itself.
        properties = Binder.get(environment).bindOrCreate(DatabaseProperties.PREFIX, DatabaseProperties.class);
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            applyTo(pool, properties);
        }
        return bean;
    }

    static void applyTo(HikariDataSource pool, DatabaseProperties properties) {
        if (properties.statementTimeout().isZero() && properties.lockTimeout().isZero()) {
            return; // no startup parameter at all: a pooler that refuses "options" (PgBouncer) can be used then
        }
        Object configured = pool.getDataSourceProperties().get("options");
        String options = configured == null || configured.toString().isBlank()
                ? properties.sessionOptions()
                : configured + " " + properties.sessionOptions();
        pool.addDataSourceProperty("options", options);
    }
}
