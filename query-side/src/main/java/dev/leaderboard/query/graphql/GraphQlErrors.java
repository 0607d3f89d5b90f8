package dev.leaderboard.query.graphql;

import dev.leaderboard.query.limits.OverCapacityException;
import dev.leaderboard.query.rankings.InvalidQueryException;
import dev.leaderboard.query.rankings.NotFoundException;
import dev.leaderboard.query.results.PeriodNotClosedException;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;

import java.util.Map;

/**
 * The REST reads' refusals as GraphQL errors: the classification, and the HTTP status and reason the REST route
 * would have answered ({@code extensions.status}, {@code extensions.retryAfter} for capacity refusals). Anything
 * else stays Spring for GraphQL's {@code INTERNAL_ERROR} without its message.
 */
final class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    /** The results of a period that is not closed (REST: 409). */
    private static final ErrorClassification CONFLICT = ErrorClassification.errorClassification("CONFLICT");

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        return switch (ex) {
            case InvalidQueryException e -> error(env, ErrorType.BAD_REQUEST, e.getMessage(), Map.of("status", 400));
            case NotFoundException e -> error(env, ErrorType.NOT_FOUND, e.getMessage(), Map.of("status", 404));
            case PeriodNotClosedException e -> error(env, CONFLICT, e.getMessage(), Map.of("status", 409));
            case OverCapacityException e -> error(env, ErrorType.INTERNAL_ERROR, e.getMessage(),
                    Map.of("status", e.status().value(), "retryAfter", e.retryAfterSeconds()));
            default -> null;
        };
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorClassification type, String message,
                                      Map<String, Object> extensions) {
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message).extensions(extensions).build();
    }
}
