package dev.leaderboard.projections.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a Lua script from the classpath once. Spring's resource-backed scripts check the resource's modification
 * time on every execution, which inside a jar means a failed file lookup per call (seen in the benchmark profile).
 */
public final class LuaScripts {

    private LuaScripts() {
    }

    /** The scripts at these locations, in order, as one script (a shared prelude first, then the script). */
    public static String read(String... locations) {
        StringBuilder script = new StringBuilder();
        for (String location : locations) {
            script.append(readOne(location)).append('\n');
        }
        return script.toString();
    }

    private static String readOne(String location) {
        try (InputStream in = LuaScripts.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException("no script on the classpath at " + location);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
