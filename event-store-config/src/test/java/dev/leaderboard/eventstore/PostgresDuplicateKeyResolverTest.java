package dev.leaderboard.eventstore;

import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresDuplicateKeyResolverTest {

    private final PostgresDuplicateKeyResolver resolver = new PostgresDuplicateKeyResolver();

    private static SQLException sqlState(String state) {
        return new SQLException("duplicate key value violates unique constraint", state, 0);
    }

    @Test
    void uniqueViolationIsADuplicateKey() {
        assertThat(resolver.isDuplicateKeyViolation(sqlState("23505"))).isTrue();
    }

    @Test
    void uniqueViolationDeepInTheCauseChainIsADuplicateKey() {
        Exception wrapped = new RuntimeException("append failed",
                new IllegalStateException("in transaction", sqlState("23505")));

        assertThat(resolver.isDuplicateKeyViolation(wrapped)).isTrue();
    }

    @Test
    void uniqueViolationAsTheNextExceptionOfABatchIsADuplicateKey() {
        BatchUpdateException batch = new BatchUpdateException("batch entry 0 was aborted", "25P02", 0, new int[0],
                null);
        batch.setNextException(sqlState("23505"));

        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(batch))).isTrue();
    }

    @Test
    void otherSqlStatesAreNotDuplicateKeys() {
        assertThat(resolver.isDuplicateKeyViolation(sqlState("23503"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(sqlState("40001"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(sqlState(null))).isFalse();
    }

    @Test
    void nonSqlFailuresAreNotDuplicateKeys() {
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("boom"))).isFalse();
    }
}
