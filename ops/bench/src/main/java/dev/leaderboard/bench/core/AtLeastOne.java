package dev.leaderboard.bench.core;

import picocli.CommandLine.*;

/** The converter of counts: a value below 1 is a usage error (exit code 2, with the usage) before anything starts. */
public final class AtLeastOne implements ITypeConverter<Integer> {

    @Override
    public Integer convert(String value) {
        int count = Integer.parseInt(value);
        if (count < 1) {
            throw new TypeConversionException("must be at least 1, not " + count);
        }
        return count;
    }
}
