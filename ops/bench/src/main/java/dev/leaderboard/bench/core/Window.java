package dev.leaderboard.bench.core;

import io.gatling.javaapi.core.Session;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.*;
import java.util.function.Function;

import static java.util.concurrent.CompletableFuture.delayedExecutor;

/**
 * The warm-up and measured phases of one Gatling run. A simulation calls {@link #open()} from its {@code before()}
 * hook; from then on requests sent in the first {@code warmup} are named {@code warm-up: <name>}, later ones
 * {@code <name>}, and the {@link Phase} (CPU meter, JFR) runs over exactly the measured {@code duration}.
 */
public final class Window {

    public static final String WARM_UP = "warm-up: ";

    private final Duration warmup;
    private final Duration duration;
    private final Optional<Phase> phase;
    private final CompletableFuture<Phase.Measured> measured = new CompletableFuture<>();
    private volatile long measuredFrom = Long.MAX_VALUE;

    public Window(Duration warmup, Duration duration, Optional<Phase> phase) {
        this.warmup = warmup;
        this.duration = duration;
        this.phase = phase;
    }

    public Duration total() {
        return warmup.plus(duration);
    }

    public Duration duration() {
        return duration;
    }

    public void open() {
        measuredFrom = System.nanoTime() + warmup.toNanos();
        phase.ifPresentOrElse(p -> {
            CompletableFuture.runAsync(p::start, delayedExecutor(warmup.toMillis(), TimeUnit.MILLISECONDS));
            measured.completeAsync(p::stop, delayedExecutor(total().toMillis(), TimeUnit.MILLISECONDS));
        }, () -> measured.complete(null));
    }

    /** A request name that says which phase the request was sent in. */
    public Function<Session, String> name(String name) {
        return session -> System.nanoTime() < measuredFrom ? WARM_UP + name : name;
    }

    /** The measured phase's figures; waits for its end (Gatling may finish a little earlier). */
    public Phase.Measured measured() {
        return measured.orTimeout(total().toSeconds() + 120, TimeUnit.SECONDS).join();
    }
}
