package dev.leaderboard.bench.core;

import io.gatling.javaapi.core.Session;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.*;
import java.util.function.Function;

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
        // a thread of its own: the common pool has one thread on two cores, and Gatling's work must not delay these
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("bench-window").factory());
        phase.ifPresentOrElse(p -> {
            timer.schedule(p::start, warmup.toMillis(), TimeUnit.MILLISECONDS);
            timer.schedule(() -> measured.completeAsync(p::stop, Runnable::run), total().toMillis(),
                    TimeUnit.MILLISECONDS);
        }, () -> measured.complete(null));
        timer.shutdown();
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
