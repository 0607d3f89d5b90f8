package dev.leaderboard.query.graphql;

import graphql.analysis.FieldComplexityCalculator;

/**
 * What one GraphQL request may cost: each ranking page counts its {@code limit} rows and each player lookup its
 * {@code 2 x context + 1} neighbours, every other field 1. One request of at most {@code maxRows} rows cannot do
 * more than a few REST reads would, however many aliases it holds.
 */
final class GraphQlLimits {

    private GraphQlLimits() {
    }

    static FieldComplexityCalculator rowsPerField() {
        return (environment, childComplexity) -> {
            Object limit = environment.getArguments().get("limit");
            Object context = environment.getArguments().get("context");
            long rows = limit instanceof Number n ? n.longValue()
                    : context instanceof Number n ? 2L * n.longValue() + 1 : 0;
            return (int) Math.min(Integer.MAX_VALUE, 1L + childComplexity + Math.max(0, rows));
        };
    }
}
