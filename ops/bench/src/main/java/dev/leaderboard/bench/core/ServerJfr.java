package dev.leaderboard.bench.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** JFR of the server over one measured phase: {@code jcmd <pid> JFR.start settings=profile}, then {@code JFR.stop}. */
record ServerJfr(long pid, String name, Path file) {

    static ServerJfr start(ProcessHandle server, String name, Path file) throws IOException, InterruptedException {
        ServerJfr recording = new ServerJfr(server.pid(), name, file.toAbsolutePath());
        recording.jcmd("JFR.start", "name=" + name, "settings=profile", "filename=" + recording.file);
        return recording;
    }

    Path stop() throws IOException, InterruptedException {
        jcmd("JFR.stop", "name=" + name);
        return file;
    }

    private void jcmd(String... arguments) throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        List<String> command = new ArrayList<>(List.of(java.resolveSibling("jcmd").toString(), Long.toString(pid)));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || output.contains("Could not")) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
        }
    }
}
