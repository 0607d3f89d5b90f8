package dev.leaderboard.bench.core;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.*;
import org.springframework.core.io.ByteArrayResource;

import java.io.*;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.*;

/**
 * The started server's settings as Spring resolves them: its {@code application(-local).yml} from the jar, under the
 * inherited environment and the {@code --server-arg}s, with relaxed binding.
 */
public final class ServerSettings {

    private final Binder binder;

    public ServerSettings(Path localJar, List<String> serverArguments) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(
                serverArguments.toArray(String[]::new)));
        try (ZipFile jar = new ZipFile(localJar.toFile())) {
            var server = jar.stream().filter(e -> e.getName().matches("BOOT-INF/lib/server-[^/]*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no server jar in " + localJar));
            try (ZipInputStream nested = new ZipInputStream(jar.getInputStream(server))) {
                for (var entry = nested.getNextEntry(); entry != null; entry = nested.getNextEntry()) {
                    String name = entry.getName();
                    if (name.matches("application(-local)?\\.yml")) {
                        // the profile's file ranks above the plain one, as in Spring Boot
                        var resource = new ByteArrayResource(nested.readAllBytes(), name);
                        new YamlPropertySourceLoader().load(name, resource).forEach(source -> {
                            if (name.contains("-local")) {
                                environment.getPropertySources().addAfter(
                                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
                            } else {
                                environment.getPropertySources().addLast(source);
                            }
                        });
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the server's configuration from " + localJar, e);
        }
        ConfigurationPropertySources.attach(environment);
        this.binder = Binder.get(environment);
    }

    public <T> T get(String name, Class<T> type, T fallback) {
        return binder.bind(name, type).orElse(fallback);
    }

    /** The standings processor: events per batch, threads (defaults of ProjectionProperties). */
    public int projectionBatchSize() {
        return get("leaderboard.projections.batch-size", Integer.class, 1000);
    }

    public int projectionThreads() {
        return get("leaderboard.projections.threads", Integer.class, 2);
    }

    /** Group commit, for the report (defaults of CommandProperties.Batching). */
    public String commandBatching() {
        return "workers=%s, max-size=%s, linger=%s".formatted(
                get("leaderboard.commands.batching.workers", String.class, "2"),
                get("leaderboard.commands.batching.max-size", String.class, "250"),
                get("leaderboard.commands.batching.linger", String.class, "1ms"));
    }
}
