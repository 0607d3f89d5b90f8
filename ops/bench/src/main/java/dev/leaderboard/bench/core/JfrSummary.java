package dev.leaderboard.bench.core;

import jdk.jfr.consumer.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Collectors;

/**
 * Where the server's CPU went, from a JFR recording: every {@code jdk.ExecutionSample} is charged to one component
 * and one thread group. Samples of the projection's threads go to "projection" whatever they run; any other sample
 * goes to the component of its topmost frame from a known library or this project, so JDK code is charged to its
 * caller. The JDK's own {@code jfr view} shows the rest (hot methods, GC pauses, compilation).
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

    public static String read(Path file) throws IOException {
        Map<String, Long> components = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    RecordedThread thread = event.getThread("sampledThread");
                    String name = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
                    List<String> classes = event.getStackTrace() == null ? List.of() : event.getStackTrace()
                            .getFrames().stream().filter(f -> f.isJavaFrame() && f.getMethod() != null)
                            .map(f -> f.getMethod().getType().getName()).toList();
                    components.merge(component(name, classes), 1L, Long::sum);
                    threads.merge(threadGroup(name), 1L, Long::sum);
                }
            }
        }
        long samples = threads.values().stream().mapToLong(Long::longValue).sum();
        return "  JFR execution samples: %,d%n".formatted(samples) + table("by component", components, samples)
                + table("by thread", threads, samples);
    }

    private static String table(String title, Map<String, Long> counts, long samples) {
        int width = counts.keySet().stream().mapToInt(String::length).max().orElse(10);
        return "  " + title + "\n" + counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue()
                        .reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> String.format(Locale.ROOT, "    %-" + width + "s %7d %5.1f %%", e.getKey(), e.getValue(),
                        100.0 * e.getValue() / Math.max(1, samples)))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** @param frameClasses from the top of the stack down */
    static String component(String threadName, List<String> frameClasses) {
        if (threadName.contains("standings") || threadName.startsWith("EmbeddedEventStore")
                || threadName.startsWith("segment-balancer") || threadName.startsWith("redis-healer")) {
            return PROJECTION;
        }
        return frameClasses.stream().flatMap(c -> RULES.entrySet().stream()
                        .filter(rule -> rule.getValue().stream().anyMatch(c::startsWith)).limit(1))
                .map(Map.Entry::getKey).findFirst().orElse(JDK_OTHER);
    }

    /** Thread names without their numbers, e.g. {@code http-nio-*-exec-*}. */
    static String threadGroup(String threadName) {
        return threadName.replaceAll("\\d+", "*");
    }
}
