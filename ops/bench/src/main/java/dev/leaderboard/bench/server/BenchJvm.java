package dev.leaderboard.bench.server;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** What every benchmark needs to start its server from its own jar and to clean up after it. */
public final class BenchJvm {

    private BenchJvm() {
    }

    /** The java executable running this benchmark; the server runs on the same JDK. */
    public static Path currentJava() {
        return ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    /**
     * The bench jar this benchmark runs from (its class path is exactly that jar), which also holds the server.
     *
     * @param howToRun told to the user when the benchmark was not started from the jar
     */
    public static Path benchJar(String howToRun) {
        String classPath = System.getProperty("java.class.path");
        if (classPath == null || !classPath.endsWith(".jar") || classPath.contains(File.pathSeparator)) {
            throw new IllegalStateException(howToRun);
        }
        return Path.of(classPath).toAbsolutePath();
    }

    /** Deletes a server's data directory; a failure is reported, not thrown. */
    public static void deleteRecursively(Path directory, PrintStream progress) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            progress.println("could not delete " + directory + ": " + e.getMessage());
        }
    }
}
