package dev.leaderboard.bench;

import java.util.List;
import java.util.function.ToIntFunction;

/** What every benchmark's command line shares: value parsing, server arguments and the entry point's handling. */
public final class BenchCli {

    public static final List<String> DEFAULT_SERVER_JAVA_OPTIONS = List.of("--enable-native-access=ALL-UNNAMED");

    private BenchCli() {
    }

    /** Parses its options from the arguments, or throws IllegalArgumentException with a message for the user. */
    @FunctionalInterface
    public interface Parser<O> {
        O parse(String[] args);
    }

    /**
     * {@code --help} prints the usage; bad options print the reason and the usage (exit code 2); otherwise the
     * benchmark runs and its exit code is returned.
     */
    public static <O> int run(String[] args, String usage, Parser<O> parser, ToIntFunction<O> benchmark) {
        logbackStatusToStderr();
        if (List.of(args).contains("--help")) {
            System.out.print(usage);
            return 0;
        }
        O options;
        try {
            options = parser.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(usage);
            return 2;
        }
        return benchmark.applyAsInt(options);
    }

    /**
     * The fat jar holds two logback.xml files (this module's and local mode's); logback reports that as a warning and
     * then prints its whole status on stdout, where the figures go. This sends its status to stderr; it must run
     * before the first logger is created.
     */
    public static void logbackStatusToStderr() {
        if (System.getProperty("logback.statusListenerClass") == null) {
            System.setProperty("logback.statusListenerClass",
                    "ch.qos.logback.core.status.OnErrorConsoleStatusListener");
        }
    }

    /** A whole number of at least {@code min}; '_' and ',' may group digits. */
    public static long wholeNumber(String name, String value, long min) {
        long parsed;
        try {
            parsed = Long.parseLong(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'");
        }
        if (parsed < min) {
            throw new IllegalArgumentException(min == 0 ? name + " must not be negative"
                    : name + " must be at least " + min);
        }
        return parsed;
    }

    public static int wholeInt(String name, String value, int min) {
        return Math.toIntExact(wholeNumber(name, value, min));
    }

    /** {@code --server-arg KEY=VALUE} as a Spring command-line argument. */
    public static String springArgument(String keyValue) {
        String property = keyValue.startsWith("--") ? keyValue.substring(2) : keyValue;
        if (property.indexOf('=') < 1) {
            throw new IllegalArgumentException("--server-arg must be KEY=VALUE, was '" + keyValue + "'");
        }
        return "--" + property;
    }
}
