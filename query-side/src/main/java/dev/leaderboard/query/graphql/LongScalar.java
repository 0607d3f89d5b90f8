package dev.leaderboard.query.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import java.math.BigInteger;
import java.util.Locale;

/**
 * {@code Long}: a 64-bit signed integer, written as a JSON number. Scores go up to 2^53 and beyond, past GraphQL's
 * 32-bit {@code Int}. Inputs must be whole numbers within 64 bits; anything else is a validation error.
 */
final class LongScalar {

    static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
            .name("Long")
            .description("A 64-bit signed integer")
            .coercing(new Coercing<Long, Long>() {
                @Override
                public Long serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
                        return ((Number) value).longValue();
                    }
                    throw new CoercingSerializeException("not a 64-bit integer: " + value);
                }

                @Override
                public Long parseValue(Object input, GraphQLContext context, Locale locale) {
                    if (input instanceof Long || input instanceof Integer || input instanceof Short) {
                        return ((Number) input).longValue();
                    }
                    if (input instanceof BigInteger big && big.bitLength() < 64) {
                        return big.longValue();
                    }
                    throw new CoercingParseValueException("expected a whole number within 64 bits, was " + input);
                }

                @Override
                public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                         Locale locale) {
                    if (input instanceof IntValue literal && literal.getValue().bitLength() < 64) {
                        return literal.getValue().longValue();
                    }
                    throw new CoercingParseLiteralException("expected a whole number within 64 bits");
                }
            })
            .build();

    private LongScalar() {
    }
}
