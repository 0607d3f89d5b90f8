package dev.leaderboard.query.limits;

import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * At most N of one kind of expensive read at once on this instance. Over the cap a request is refused at once rather
 * than queued: queued requests would hold Tomcat threads and database connections while they wait.
 */
public final class Permits {

    private final String what;
    private final int max;
    private final Semaphore semaphore;
    private final Duration retryAfter;

    /** @param what the plural noun in the refusal's detail, e.g. "custom-range computations" */
    public Permits(String what, int max, Duration retryAfter) {
        this.what = what;
        this.max = Math.max(0, max);
        this.semaphore = new Semaphore(this.max);
        this.retryAfter = retryAfter;
    }

    /** A permit, to be closed exactly when the work ends; {@link OverCapacityException} (503) when none is free. */
    public Permit acquire() {
        if (!semaphore.tryAcquire()) {
            throw new OverCapacityException(HttpStatus.SERVICE_UNAVAILABLE, "Busy, retry",
                    "this instance is running its maximum of " + max + " " + what + "; retry later", retryAfter);
        }
        return new Permit();
    }

    public int inUse() {
        return max - semaphore.availablePermits();
    }

    /** Releases once, however many times it is closed. */
    public final class Permit implements AutoCloseable {
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit() {
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                semaphore.release();
            }
        }
    }
}
