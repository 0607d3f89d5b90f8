package dev.leaderboard.bench.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JFR recording of the server over exactly one measured phase ({@code jcmd <pid> JFR.start settings=profile},
 * {@code JFR.stop}), with the {@code jcmd} beside the benchmark's own {@code java}.
 */
public record ServerJfr(long pid, String name, Path file) {

    public static ServerJfr start(ProcessHandle server, String name, Path file) {
        ServerJfr recording = new ServerJfr(server.pid(), name, file.toAbsolutePath());
        recording.jcmd("JFR.start", "name=" + name, "settings=profile", "filename=" + recording.file);
        return recording;
    }

    public Path stop() {
        jcmd("JFR.stop", "name=" + name);
        return file;
    }

    private void jcmd(String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd").toString(),
                Long.toString(pid)));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || output.contains("Could not")) {
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
