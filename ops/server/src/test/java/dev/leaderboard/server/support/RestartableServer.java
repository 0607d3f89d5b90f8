package dev.leaderboard.server.support;

import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * An embedded server that a drill really stops and starts again, on the port it first got (and, where the starter
 * gives it one, the same data directory): the application reconnects to the same address, as it would to a
 * restarted production server.
 */
public final class RestartableServer<S extends AutoCloseable> implements AutoCloseable {

    private final IntFunction<S> starter;
    private final int port;
    private S running;

    private RestartableServer(IntFunction<S> starter, ToIntFunction<S> portOf) {
        this.starter = starter;
        this.running = starter.apply(0);
        this.port = portOf.applyAsInt(running);
    }

    /** @param starter starts the server on the given port, 0 for any free one */
    public static <S extends AutoCloseable> RestartableServer<S> start(IntFunction<S> starter,
                                                                       ToIntFunction<S> portOf) {
        return new RestartableServer<>(starter, portOf);
    }

    public int port() {
        return port;
    }

    public S server() {
        if (running == null) {
            throw new IllegalStateException("the server is stopped");
        }
        return running;
    }

    public void stop() {
        S stopping = server();
        running = null;
        try {
            stopping.close();
        } catch (Exception e) {
            throw new IllegalStateException("the server did not stop cleanly", e);
        }
    }

    public void restart() {
        if (running != null) {
            throw new IllegalStateException("the server is running");
        }
        running = starter.apply(port);
    }

    @Override
    public void close() {
        if (running != null) {
            stop();
        }
    }
}
