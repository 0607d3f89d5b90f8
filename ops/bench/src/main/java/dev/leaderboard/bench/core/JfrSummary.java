package dev.leaderboard.bench.core;

import jdk.jfr.consumer.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Collectors;

/** A JFR recording's execution samples by thread group: which part of the server took the CPU. */
public final class JfrSummary {

    public static String read(Path file) throws IOException {
        Map<String, Long> threads = new HashMap<>();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    RecordedThread thread = event.getThread("sampledThread");
                    threads.merge(threadGroup(thread == null || thread.getJavaName() == null ? "?"
                            : thread.getJavaName()), 1L, Long::sum);
                }
            }
        }
        long samples = threads.values().stream().mapToLong(Long::longValue).sum();
        int width = threads.keySet().stream().mapToInt(String::length).max().orElse(10);
        return "  JFR execution samples by thread: %,d%n".formatted(samples) + threads.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> String.format(Locale.ROOT, "    %-" + width + "s %7d %5.1f %%", e.getKey(), e.getValue(),
                        100.0 * e.getValue() / Math.max(1, samples)))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** Thread names without their numbers, e.g. {@code http-nio-*-exec-*}. */
    static String threadGroup(String threadName) {
        return threadName.replaceAll("\\d+", "*");
    }
}
