package dev.leaderboard.bench.server;

import java.util.Locale;
import java.util.Map;

/**
 * Which Axon event storage engine the benchmarked server runs. Both use the same Flyway schema. The bench jar holds
 * Spring Data JPA/Hibernate on its classpath: the JDBC variant switches their auto-configurations off, so the server
 * runs exactly as shipped; the JPA variant keeps Hibernate's entity manager and Axon's {@code JpaAutoConfiguration}
 * (for the {@code EntityManagerProvider}) and swaps the event storage engine (see
 * {@link JpaEngineAutoConfiguration}).
 */
public enum StorageEngine {

    JDBC("JdbcEventStorageEngine", false, Map.of(
            "spring.autoconfigure.exclude", String.join(",",
                    "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
                    "org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration",
                    "org.axonframework.springboot.autoconfig.JpaAutoConfiguration",
                    "org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration"))),

    // JpaEngineAutoConfiguration replaces the server's JDBC engine bean by name.
    JPA("JpaEventStorageEngine", true, Map.of(
            JpaEngineAutoConfiguration.ENGINE_PROPERTY, "jpa",
            "spring.data.jpa.repositories.enabled", "false",
            // Flyway owns the schema; Hibernate neither creates nor validates it.
            "spring.jpa.hibernate.ddl-auto", "none",
            // bytea instead of Large Objects, and the existing BIGSERIAL sequence with allocation size 1.
            "spring.jpa.mapping-resources", "META-INF/axon-postgres-orm.xml"));

    private final String engineClassName;
    private final boolean replacesServerBeans;
    private final Map<String, Object> springProperties;

    StorageEngine(String engineClassName, boolean replacesServerBeans, Map<String, Object> springProperties) {
        this.engineClassName = engineClassName;
        this.replacesServerBeans = replacesServerBeans;
        this.springProperties = springProperties;
    }

    /** The simple class name of Axon's {@code EventStorageEngine} the server must report when running this engine. */
    public String engineClassName() {
        return engineClassName;
    }

    /**
     * Whether this variant replaces a bean of the server by name. That needs bean definition overriding, which must be
     * set on the {@code SpringApplication}: a {@code spring.main.*} property from the variant's properties would be
     * bound too late.
     */
    public boolean replacesServerBeans() {
        return replacesServerBeans;
    }

    public Map<String, Object> springProperties() {
        return springProperties;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StorageEngine parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "jdbc" -> JDBC;
            case "jpa" -> JPA;
            default -> throw new IllegalArgumentException("engine must be jdbc or jpa, was '" + value + "'");
        };
    }
}
