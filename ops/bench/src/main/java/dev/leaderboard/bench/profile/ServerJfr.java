package dev.leaderboard.bench.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Java Flight Recorder recording of the server JVM over exactly one measured phase, started and stopped from
 * outside with {@code jcmd <pid> JFR.start / JFR.stop} (the JDK's own tool, next to the {@code java} that runs the
 * benchmark), so the file holds neither the server's start-up nor the warm-up nor the baselines. The settings are
 * the JDK's {@code profile} (execution samples every 10 ms per thread in Java code).
 */
public final class ServerJfr implements AutoCloseable {

    private static final long JCMD_TIMEOUT_SECONDS = 60;

    private final Path jcmd;
    private final long pid;
    private final String name;
    private final Path file;
    private boolean stopped;

    private ServerJfr(Path jcmd, long pid, String name, Path file) {
        this.jcmd = jcmd;
        this.pid = pid;
        this.name = name;
        this.file = file;
    }

    /**
     * @param java the java launcher of the benchmark; {@code jcmd} is looked up beside it
     * @param file where the recording is written when it stops
     */
    public static ServerJfr start(Path java, ProcessHandle server, String name, Path file) {
        Path jcmd = java.resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd)) {
            throw new IllegalStateException("no jcmd next to " + java + ": cannot record the server with JFR");
        }
        ServerJfr recording = new ServerJfr(jcmd, server.pid(), name, file.toAbsolutePath());
        recording.jcmd("JFR.start", "name=" + name, "settings=profile", "filename=" + recording.file);
        return recording;
    }

    public Path file() {
        return file;
    }

    /** Stops the recording; the JVM writes it to {@link #file()}. */
    public Path stop() {
        if (!stopped) {
            stopped = true;
            jcmd("JFR.stop", "name=" + name);
        }
        return file;
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (RuntimeException e) {
            // already reported by the caller's stop(), or the server is gone
        }
    }

    private void jcmd(String... arguments) {
        List<String> command = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in "
                        + JCMD_TIMEOUT_SECONDS + " s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0 || output.contains("Could not") || output.contains("Exception")) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running jcmd", e);
        }
    }
}
