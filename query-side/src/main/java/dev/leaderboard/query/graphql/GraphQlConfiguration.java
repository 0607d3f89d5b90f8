package dev.leaderboard.query.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;

/**
 * GraphQL over the read model, on instances with the query role only: the schema is handed to Spring for GraphQL
 * from here (not from its default {@code classpath:graphql/} location), so instances without the role have no
 * GraphQL endpoint at all.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlProperties.class)
@Import(GraphQlReads.class)
public class GraphQlConfiguration {

    @Bean
    public GraphQlSourceBuilderCustomizer readModelSchema() {
        return builder -> builder.schemaResources(new ClassPathResource("leaderboard-graphql/reads.graphqls"));
    }

    @Bean
    public GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler, ObjectMapper json) {
        return new GraphQlHttpHandler(handler, new GraphQlRequestReader(json));
    }

    @Bean
    public RuntimeWiringConfigurer longScalar() {
        return wiring -> wiring.scalar(LongScalar.INSTANCE);
    }

    @Bean
    public DataFetcherExceptionResolver readRefusals() {
        return new GraphQlErrors();
    }

    @Bean
    public MaxQueryComplexityInstrumentation graphQlComplexityLimit(GraphQlProperties properties) {
        return new MaxQueryComplexityInstrumentation(properties.maxComplexity(), GraphQlLimits.rowsPerField());
    }

    @Bean
    public MaxQueryDepthInstrumentation graphQlDepthLimit(GraphQlProperties properties) {
        return new MaxQueryDepthInstrumentation(properties.maxDepth());
    }
}
