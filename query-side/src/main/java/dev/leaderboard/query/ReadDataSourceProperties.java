package dev.leaderboard.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The query side's own connection pool ({@code leaderboard.read-datasource.*}): rankings and player lookups served
 * from PostgreSQL, custom ranges, exports and the board directory of reads use it, so a flood of reads can exhaust
 * only this pool, never the one commands, Axon and the projections write through. Same database as
 * {@code spring.datasource.*} unless set (a replica can be named here).
 *
 * @param url               JDBC URL; default {@code spring.datasource.url}
 * @param username          default {@code spring.datasource.username}
 * @param password          default {@code spring.datasource.password}
 * @param maximumPoolSize   connections at most; exports hold one each for as long as they stream
 * @param minimumIdle       connections kept open while idle
 * @param connectionTimeout longest a read waits for a free connection before it is answered {@code 503}
 */
@ConfigurationProperties("leaderboard.read-datasource")
public record ReadDataSourceProperties(String url,
                                       String username,
                                       String password,
                                       @DefaultValue("16") int maximumPoolSize,
                                       @DefaultValue("2") int minimumIdle,
                                       @DefaultValue("2s") Duration connectionTimeout) {
}
