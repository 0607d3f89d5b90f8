package dev.leaderboard.bench.profile;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the server's CPU went, from a JFR recording: every {@code jdk.ExecutionSample} (a thread caught running Java
 * code) is charged to one component. Samples of the projection's threads ({@code standings-worker-*}, the
 * processor's coordinator, Axon's {@code EmbeddedEventStore} reader that feeds it) go to "projection" whatever they
 * run; any other sample goes to the component of its
 * <em>topmost</em> frame that belongs to a known library or to this project, so JDK code (collections, sockets,
 * crypto primitives aside) is charged to whoever called it. {@code java -jar leaderboard-bench.jar jfr-summary
 * FILE.jfr} prints it; the benchmark prints it after a run with {@code --server-jfr}.
 *
 * <p>Execution samples cover Java code only: GC, JIT compilation and native code (e.g. waiting in a socket write)
 * are not in them, so the percentages are shares of the sampled Java CPU, not of the process's CPU time.
 */
public final class JfrSummary {

    public static final String PROJECTION = "projection (standings processor and event-reading threads)";
    public static final String JDK_OTHER = "JDK / unattributed";

    /** Class-name prefixes per component, checked for each frame from the top of the stack down. */
    static final Map<String, List<String>> RULES = rules();

    private static Map<String, List<String>> rules() {
        Map<String, List<String>> rules = new LinkedHashMap<>();
        rules.put("security/JWT", List.of("org.springframework.security.", "com.nimbusds.", "net.minidev.",
                "dev.leaderboard.server.security.", "com.sun.crypto.provider.", "sun.security.", "javax.crypto."));
        rules.put("JSON (Jackson)", List.of("com.fasterxml.jackson."));
        rules.put("JDBC (PostgreSQL driver, Hikari, Spring JDBC/tx)", List.of("org.postgresql.",
                "com.zaxxer.hikari.", "org.springframework.jdbc.", "org.springframework.transaction."));
        rules.put("Axon", List.of("org.axonframework.", "com.github.benmanes.caffeine."));
        rules.put("Redis client I/O (Lettuce threads; mostly the projection's writes)", List.of("io.lettuce.", "io.netty.",
                "org.springframework.data.redis."));
        rules.put("Kafka", List.of("org.apache.kafka.", "kafka.", "org.springframework.kafka."));
        rules.put("metrics/logging", List.of("io.micrometer.", "ch.qos.logback.", "org.slf4j."));
        rules.put("request validation (Bean Validation)", List.of("org.springframework.validation.",
                "org.hibernate.validator.", "jakarta.validation."));
        rules.put("HTTP/Tomcat/Spring MVC", List.of("org.apache.tomcat.", "org.apache.coyote.",
                "org.apache.catalina.", "jakarta.servlet.", "org.springframework.web.", "org.springframework.http.",
                "org.springframework.boot.web."));
        rules.put("projection (other threads)", List.of("dev.leaderboard.projections."));
        rules.put("leaderboard code (command, query, server)", List.of("dev.leaderboard."));
        rules.put("Spring (other)", List.of("org.springframework."));
        return rules;
    }

    /**
     * @param components     samples per component
     * @param packages       per component, samples per package of the frame that decided it (3 levels)
     * @param threadGroups   samples per thread group
     * @param hotFrames      samples per top frame (method)
     * @param compileSeconds time the JIT compilers spent during the recording ({@code jdk.CompilerStatistics}:
     *                       wall time of the compilations, summed over compiler threads)
     * @param gcPauseMillis  GC pause time during the recording ({@code jdk.GarbageCollection} sum of pauses)
     */
    public record Summary(long samples, Map<String, Long> components, Map<String, Map<String, Long>> packages,
                          Map<String, Long> threadGroups, Map<String, Long> hotFrames, double averageJvmCpu,
                          double averageMachineCpu, double compileSeconds, double gcPauseMillis) {

        public String render(int topFrames) {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                    "JFR execution samples: %,d; JVM CPU %.0f %% of the machine on average (machine %.0f %%); JIT "
                            + "compilation %.1f s (wall time, summed over compiler threads), GC pauses %.0f ms "
                            + "during the recording (neither is in the samples)%n", samples, averageJvmCpu * 100, averageMachineCpu * 100, compileSeconds,
                    gcPauseMillis));
            out.append(table("by component (topmost frame of a known library; projection threads whole), with "
                    + "the packages that decided it", components, packages));
            out.append(table("by thread", threadGroups, Map.of()));
            Map<String, Long> top = new LinkedHashMap<>();
            hotFrames.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(topFrames).forEach(e -> top.put(e.getKey(), e.getValue()));
            out.append(table("hottest top frames (self time)", top, Map.of()));
            return out.toString();
        }

        private String table(String title, Map<String, Long> counts, Map<String, Map<String, Long>> details) {
            StringBuilder out = new StringBuilder("  ").append(title).append('\n');
            int width = counts.keySet().stream().mapToInt(String::length).max().orElse(10);
            counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> {
                        out.append(String.format(Locale.ROOT, "    %-" + width + "s %7d %5.1f %%", e.getKey(),
                                e.getValue(), samples == 0 ? 0 : 100.0 * e.getValue() / samples));
                        Map<String, Long> detail = details.getOrDefault(e.getKey(), Map.of());
                        if (!detail.isEmpty()) {
                            out.append("  (").append(detail.entrySet().stream()
                                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                                    .map(d -> d.getKey() + " " + d.getValue())
                                    .collect(java.util.stream.Collectors.joining(", "))).append(')');
                        }
                        out.append('\n');
                    });
            return out.toString();
        }
    }

    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java -jar leaderboard-bench.jar jfr-summary FILE.jfr");
            System.exit(2);
        }
        System.out.print(read(Path.of(args[0])).render(25));
    }

    public static Summary read(Path file) throws IOException {
        Map<String, Long> components = new TreeMap<>();
        Map<String, Map<String, Long>> packages = new TreeMap<>();
        Map<String, Long> threads = new TreeMap<>();
        double firstCompile = -1;
        double lastCompile = -1;
        double gcPauses = 0;
        Map<String, Long> frames = new TreeMap<>();
        long samples = 0;
        double jvmCpu = 0;
        double machineCpu = 0;
        long cpuEvents = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("jdk.CPULoad")) {
                    jvmCpu += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
                    machineCpu += event.getFloat("machineTotal");
                    cpuEvents++;
                    continue;
                }
                if (type.equals("jdk.CompilerStatistics")) {
                    double spent = event.getDuration("totalTimeSpent").toNanos() / 1e9;
                    firstCompile = firstCompile < 0 ? spent : Math.min(firstCompile, spent);
                    lastCompile = Math.max(lastCompile, spent);
                    continue;
                }
                if (type.equals("jdk.GarbageCollection")) {
                    gcPauses += event.getDuration("sumOfPauses").toNanos() / 1e6;
                    continue;
                }
                if (!type.equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                RecordedThread thread = event.getThread("sampledThread");
                String threadName = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
                List<String> classes = new ArrayList<>();
                if (stack != null) {
                    for (RecordedFrame frame : stack.getFrames()) {
                        if (frame.isJavaFrame() && frame.getMethod() != null) {
                            classes.add(frame.getMethod().getType().getName());
                        }
                    }
                    if (!stack.getFrames().isEmpty() && stack.getFrames().getFirst().getMethod() != null) {
                        var top = stack.getFrames().getFirst().getMethod();
                        frames.merge(top.getType().getName() + "." + top.getName(), 1L, Long::sum);
                    }
                }
                samples++;
                Attribution attribution = attribute(threadName, classes);
                components.merge(attribution.component(), 1L, Long::sum);
                packages.computeIfAbsent(attribution.component(), k -> new TreeMap<>())
                        .merge(attribution.decidedBy(), 1L, Long::sum);
                threads.merge(threadGroup(threadName), 1L, Long::sum);
            }
        }
        return new Summary(samples, components, packages, threads, frames,
                cpuEvents == 0 ? 0 : jvmCpu / cpuEvents, cpuEvents == 0 ? 0 : machineCpu / cpuEvents,
                lastCompile < 0 ? 0 : lastCompile - firstCompile, gcPauses);
    }

    /** A sample's component, and the package (3 levels) of the frame that decided it, or the thread's group. */
    record Attribution(String component, String decidedBy) {
    }

    /** The component a sample is charged to; {@code frameClasses} from the top of the stack down. */
    public static String component(String threadName, List<String> frameClasses) {
        return attribute(threadName, frameClasses).component();
    }

    static Attribution attribute(String threadName, List<String> frameClasses) {
        if (isProjectionThread(threadName)) {
            return new Attribution(PROJECTION, threadGroup(threadName));
        }
        for (String className : frameClasses) {
            for (Map.Entry<String, List<String>> rule : RULES.entrySet()) {
                for (String prefix : rule.getValue()) {
                    if (className.startsWith(prefix)) {
                        return new Attribution(rule.getKey(), packageOf(className));
                    }
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

    static boolean isProjectionThread(String threadName) {
        return threadName.contains("standings") || threadName.startsWith("EmbeddedEventStore")
                || threadName.startsWith("segment-balancer") || threadName.startsWith("redis-healer");
    }

    /** Thread names without their numbers, e.g. {@code http-nio-*-exec-*}. */
    public static String threadGroup(String threadName) {
        return threadName.replaceAll("\\d+", "*");
    }
}
