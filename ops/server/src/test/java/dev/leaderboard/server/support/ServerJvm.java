package dev.leaderboard.server.support;

import dev.leaderboard.server.LeaderboardServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server in a JVM of its own, started from the test's class path: for what an in-process context cannot show,
 * such as {@code kill -9} of a whole process while another takes over its work.
 */
public final class ServerJvm implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ServerJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** @param properties Spring properties, {@code name=value}, added to the test profile's */
    public static ServerJvm start(String name, List<String> properties) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                LeaderboardServer.class.getName(), "--spring.profiles.active=test"));
        properties.forEach(p -> command.add("--" + p));
        try {
            Path log = Files.createTempFile("leaderboard-" + name + "-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new ServerJvm(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start server JVM " + name, e);
        }
    }

    /** SIGKILL: no shutdown hook, no token stored, no offset committed; the process is gone at once. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The operating system's process id: the process {@link #kill()} signals. */
    public long pid() {
        return process.pid();
    }

    /** The exit status once the process has ended: 137 (128 + 9) after a SIGKILL. */
    public int exitValue() {
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** SIGTERM, then SIGKILL if it has not stopped in 60 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }
}
