package dev.leaderboard.bench.core;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where the server's CPU went, from a JFR recording: every {@code jdk.ExecutionSample} is charged to one component.
 * Samples of the projection's threads go to "projection" whatever they run; any other sample goes to the component
 * of its topmost frame from a known library or this project, so JDK code is charged to its caller. Execution samples
 * cover Java code only: JIT and GC time are reported beside them.
 */
public final class JfrSummary {

    public static final String PROJECTION = "projection (standings processor and event-reading threads)";
    public static final String JDK_OTHER = "JDK / unattributed";

    /** Class-name prefixes per component, checked for each frame from the top of the stack down. */
    static final Map<String, List<String>> RULES = new LinkedHashMap<>();

    static {
        RULES.put("security/JWT", List.of("org.springframework.security.", "com.nimbusds.", "net.minidev.",
                "dev.leaderboard.server.security.", "com.sun.crypto.provider.", "sun.security.", "javax.crypto."));
        RULES.put("JSON (Jackson)", List.of("com.fasterxml.jackson."));
        RULES.put("JDBC (PostgreSQL driver, Hikari, Spring JDBC/tx)", List.of("org.postgresql.", "com.zaxxer.hikari.",
                "org.springframework.jdbc.", "org.springframework.transaction."));
        RULES.put("Axon", List.of("org.axonframework.", "com.github.benmanes.caffeine."));
        RULES.put("Redis client I/O", List.of("io.lettuce.", "io.netty.", "org.springframework.data.redis."));
        RULES.put("Kafka", List.of("org.apache.kafka.", "kafka.", "org.springframework.kafka."));
        RULES.put("metrics/logging", List.of("io.micrometer.", "ch.qos.logback.", "org.slf4j."));
        RULES.put("request validation (Bean Validation)", List.of("org.springframework.validation.",
                "org.hibernate.validator.", "jakarta.validation."));
        RULES.put("HTTP/Tomcat/Spring MVC", List.of("org.apache.tomcat.", "org.apache.coyote.", "org.apache.catalina.",
                "jakarta.servlet.", "org.springframework.web.", "org.springframework.http.",
                "org.springframework.boot.web."));
        RULES.put("projection (other threads)", List.of("dev.leaderboard.projections."));
        RULES.put("leaderboard code (command, query, server)", List.of("dev.leaderboard."));
        RULES.put("Spring (other)", List.of("org.springframework."));
    }

    /** A sample's component and what decided it: the package (3 levels) of the frame, or the thread's group. */
    record Attribution(String component, String decidedBy) {
    }

    public record Summary(long samples, Map<String, Long> components, Map<String, Map<String, Long>> packages,
                          Map<String, Long> threads, Map<String, Long> hotFrames, double compileSeconds,
                          double gcPauseMillis) {

        public String render(int topFrames) {
            return String.format(Locale.ROOT, "JFR execution samples: %,d; JIT compilation %.1f s (summed over "
                    + "compiler threads), GC pauses %.0f ms (neither is in the samples)%n", samples, compileSeconds,
                    gcPauseMillis)
                    + table("by component (topmost known frame; projection threads whole)", components, packages, 99)
                    + table("by thread", threads, Map.of(), 99)
                    + table("hottest top frames (self time)", hotFrames, Map.of(), topFrames);
        }

        private String table(String title, Map<String, Long> counts, Map<String, Map<String, Long>> details, int limit) {
            int width = counts.keySet().stream().mapToInt(String::length).max().orElse(10);
            return "  " + title + "\n" + counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                    .map(e -> String.format(Locale.ROOT, "    %-" + width + "s %7d %5.1f %%%s", e.getKey(), e.getValue(),
                            samples == 0 ? 0 : 100.0 * e.getValue() / samples, top3(details.get(e.getKey()))))
                    .collect(Collectors.joining("\n", "", "\n"));
        }

        private static String top3(Map<String, Long> detail) {
            return detail == null ? "" : detail.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                    .map(d -> d.getKey() + " " + d.getValue()).collect(Collectors.joining(", ", "  (", ")"));
        }
    }

    private JfrSummary() {
    }

    public static Summary read(Path file) throws IOException {
        Map<String, Long> components = new TreeMap<>();
        Map<String, Map<String, Long>> packages = new TreeMap<>();
        Map<String, Long> threads = new TreeMap<>();
        Map<String, Long> frames = new TreeMap<>();
        double firstCompile = -1;
        double lastCompile = -1;
        double gcPauses = 0;
        long samples = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                switch (event.getEventType().getName()) {
                    case "jdk.CompilerStatistics" -> {
                        double spent = event.getDuration("totalTimeSpent").toNanos() / 1e9;
                        firstCompile = firstCompile < 0 ? spent : Math.min(firstCompile, spent);
                        lastCompile = Math.max(lastCompile, spent);
                    }
                    case "jdk.GarbageCollection" -> gcPauses += event.getDuration("sumOfPauses").toNanos() / 1e6;
                    case "jdk.ExecutionSample" -> {
                        samples++;
                        var thread = event.getThread("sampledThread");
                        String threadName = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
                        List<RecordedFrame> stack = event.getStackTrace() == null ? List.of()
                                : event.getStackTrace().getFrames();
                        List<String> classes = stack.stream().filter(f -> f.isJavaFrame() && f.getMethod() != null)
                                .map(f -> f.getMethod().getType().getName()).toList();
                        if (!stack.isEmpty() && stack.getFirst().getMethod() != null) {
                            var top = stack.getFirst().getMethod();
                            frames.merge(top.getType().getName() + "." + top.getName(), 1L, Long::sum);
                        }
                        Attribution attribution = attribute(threadName, classes);
                        components.merge(attribution.component(), 1L, Long::sum);
                        packages.computeIfAbsent(attribution.component(), k -> new TreeMap<>())
                                .merge(attribution.decidedBy(), 1L, Long::sum);
                        threads.merge(threadGroup(threadName), 1L, Long::sum);
                    }
                    default -> {
                    }
                }
            }
        }
        return new Summary(samples, components, packages, threads, frames,
                lastCompile < 0 ? 0 : lastCompile - firstCompile, gcPauses);
    }

    /** @param frameClasses from the top of the stack down */
    static Attribution attribute(String threadName, List<String> frameClasses) {
        if (threadName.contains("standings") || threadName.startsWith("EmbeddedEventStore")
                || threadName.startsWith("segment-balancer") || threadName.startsWith("redis-healer")) {
            return new Attribution(PROJECTION, threadGroup(threadName));
        }
        for (String className : frameClasses) {
            for (Map.Entry<String, List<String>> rule : RULES.entrySet()) {
                if (rule.getValue().stream().anyMatch(className::startsWith)) {
                    return new Attribution(rule.getKey(), packageOf(className));
                }
            }
        }
        return new Attribution(JDK_OTHER, frameClasses.isEmpty() ? "?" : packageOf(frameClasses.getFirst()));
    }

    /** The first three segments of a class's package, e.g. {@code org.springframework.aop}. */
    static String packageOf(String className) {
        String[] parts = className.split("\\.");
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, Math.max(1, parts.length - 1))));
    }

    /** Thread names without their numbers, e.g. {@code http-nio-*-exec-*}. */
    static String threadGroup(String threadName) {
        return threadName.replaceAll("\\d+", "*");
    }
}
