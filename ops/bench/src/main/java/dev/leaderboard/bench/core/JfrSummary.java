package dev.leaderboard.bench.core;

import jdk.jfr.consumer.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

    private long samples;
    private final Map<String, Long> components = new HashMap<>();
    private final Map<String, Map<String, Long>> decidedBy = new HashMap<>();
    private final Map<String, Long> threads = new HashMap<>();
    private final Map<String, Long> hotFrames = new HashMap<>();
    private double firstCompile = Double.MAX_VALUE;
    private double lastCompile;
    private double gcPauseMillis;

    public static JfrSummary read(Path file) throws IOException {
        JfrSummary summary = new JfrSummary();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                summary.add(recording.readEvent());
            }
        }
        return summary;
    }

    private void add(RecordedEvent event) {
        switch (event.getEventType().getName()) {
            case "jdk.CompilerStatistics" -> {
                double spent = event.getDuration("totalTimeSpent").toNanos() / 1e9;
                firstCompile = Math.min(firstCompile, spent);
                lastCompile = Math.max(lastCompile, spent);
            }
            case "jdk.GarbageCollection" -> gcPauseMillis += event.getDuration("sumOfPauses").toNanos() / 1e6;
            case "jdk.ExecutionSample" -> {
                samples++;
                RecordedThread thread = event.getThread("sampledThread");
                String threadName = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
                List<RecordedFrame> stack = event.getStackTrace() == null ? List.of()
                        : event.getStackTrace().getFrames();
                List<String> classes = stack.stream().filter(f -> f.isJavaFrame() && f.getMethod() != null)
                        .map(f -> f.getMethod().getType().getName()).toList();
                if (!stack.isEmpty() && stack.getFirst().getMethod() != null) {
                    RecordedMethod top = stack.getFirst().getMethod();
                    hotFrames.merge(top.getType().getName() + "." + top.getName(), 1L, Long::sum);
                }
                Attribution attribution = attribute(threadName, classes);
                components.merge(attribution.component(), 1L, Long::sum);
                decidedBy.computeIfAbsent(attribution.component(), k -> new HashMap<>())
                        .merge(attribution.decidedBy(), 1L, Long::sum);
                threads.merge(threadGroup(threadName), 1L, Long::sum);
            }
            default -> {
            }
        }
    }

    public String render(int topFrames) {
        return String.format(Locale.ROOT, "JFR execution samples: %,d; JIT compilation %.1f s (summed over compiler "
                        + "threads), GC pauses %.0f ms (neither is in the samples)%n", samples,
                lastCompile > 0 ? lastCompile - firstCompile : 0, gcPauseMillis)
                + table("by component (topmost known frame; projection threads whole)", components, decidedBy, 99)
                + table("by thread", threads, Map.of(), 99)
                + table("hottest top frames (self time)", hotFrames, Map.of(), topFrames);
    }

    private String table(String title, Map<String, Long> counts, Map<String, Map<String, Long>> details, int limit) {
        int width = counts.keySet().stream().mapToInt(String::length).max().orElse(10);
        return "  " + title + "\n" + descending(counts, limit)
                .map(e -> String.format(Locale.ROOT, "    %-" + width + "s %7d %5.1f %%%s", e.getKey(), e.getValue(),
                        100.0 * e.getValue() / Math.max(1, samples), !details.containsKey(e.getKey()) ? ""
                                : descending(details.get(e.getKey()), 3).map(d -> d.getKey() + " " + d.getValue())
                                .collect(Collectors.joining(", ", "  (", ")"))))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static Stream<Map.Entry<String, Long>> descending(Map<String, Long> counts, int limit) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(limit);
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
        return String.join(".", Arrays.copyOf(parts, Math.min(3, Math.max(1, parts.length - 1))));
    }

    /** Thread names without their numbers, e.g. {@code http-nio-*-exec-*}. */
    static String threadGroup(String threadName) {
        return threadName.replaceAll("\\d+", "*");
    }
}
