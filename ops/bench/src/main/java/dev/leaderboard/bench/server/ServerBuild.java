package dev.leaderboard.bench.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;

/**
 * Which build of the server modules the bench jar holds. The jar is assembled from the reactor when it is built
 * with the whole project ({@code ops/bench/run}, or {@code -pl ops/bench -am}); built alone ({@code -pl ops/bench})
 * it takes the modules from the local Maven repository, which other worktrees on the same machine overwrite with
 * their own {@code install}s. The report prints this so a figure can be tied to the code it measured.
 */
public final class ServerBuild {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    static final String KAFKA_INGRESS_PACKAGE = "dev/leaderboard/command/kafka/";

    private ServerBuild() {
    }

    /** e.g. "command-side 2026-12-02 03:03 UTC, …; Kafka ingress consumer: absent". */
    public static String describe(Path benchJar) {
        List<String> modules = new ArrayList<>();
        boolean kafkaIngress = false;
        try (JarFile jar = new JarFile(benchJar.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!name.startsWith("BOOT-INF/lib/") || !name.contains("-SNAPSHOT.jar")) {
                    continue;
                }
                String module = name.substring("BOOT-INF/lib/".length(), name.indexOf("-0.")
                        > 0 ? name.indexOf("-0.") : name.indexOf("-SNAPSHOT"));
                modules.add(module + " " + TIME.format(entry.getLastModifiedTime().toInstant()));
                if (module.equals("command-side")) {
                    kafkaIngress = contains(jar, entry, KAFKA_INGRESS_PACKAGE);
                }
            }
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return String.join(", ", modules) + " UTC; Kafka ingress consumer: " + (kafkaIngress ? "present" : "absent");
    }

    private static boolean contains(JarFile jar, JarEntry nested, String prefix) throws IOException {
        try (InputStream in = jar.getInputStream(nested); JarInputStream inner = new JarInputStream(in)) {
            for (JarEntry entry = inner.getNextJarEntry(); entry != null; entry = inner.getNextJarEntry()) {
                if (entry.getName().startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }
}
