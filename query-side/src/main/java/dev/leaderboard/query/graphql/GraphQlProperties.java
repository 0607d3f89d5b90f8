package dev.leaderboard.query.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The GraphQL endpoint ({@code leaderboard.graphql.*}); its path and GraphiQL are Spring for GraphQL's own
 * {@code spring.graphql.*} settings.
 *
 * @param maxComplexity rows (ranking pages' {@code limit}, player lookups' neighbours) plus fields one request may
 *                      ask for; beyond it the request is refused before it runs
 * @param maxDepth      deepest selection nesting
 */
@ConfigurationProperties("leaderboard.graphql")
public record GraphQlProperties(@DefaultValue("2100") int maxComplexity, @DefaultValue("8") int maxDepth) {
}
