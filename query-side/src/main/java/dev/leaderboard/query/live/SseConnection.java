package dev.leaderboard.query.live;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One client's event stream, written with the servlet container's non-blocking output: {@link #offer} never waits
 * for the client. While the connection cannot take more bytes, the client keeps one pending frame, the latest
 * offered (every event carries the whole top N, so older ones are worth nothing); a client that has not taken bytes
 * for {@code slowAfter} is dropped, so it holds neither a thread nor more than that one frame.
 */
final class SseConnection implements WriteListener, AsyncListener {

    static final byte[] HEARTBEAT = ":heartbeat\n\n".getBytes(StandardCharsets.UTF_8);

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final Clock clock;
    private final long slowAfterMillis;
    private final Consumer<StreamDrop> dropped;
    private final Consumer<SseConnection> ended;
    private byte[] pending;
    private boolean flushOwed;
    /** Until the container calls {@link #onWritePossible} for the first time, and whenever a write did not finish. */
    private boolean awaitingWritable = true;
    private long awaitingSinceMillis;
    private boolean closed;
    private final AtomicBoolean endReported = new AtomicBoolean();

    private SseConnection(AsyncContext async, ServletOutputStream out, Clock clock, Duration slowAfter,
                          Consumer<StreamDrop> dropped, Consumer<SseConnection> ended) {
        this.async = async;
        this.out = out;
        this.clock = clock;
        this.slowAfterMillis = slowAfter.toMillis();
        this.dropped = dropped;
        this.ended = ended;
        this.awaitingSinceMillis = clock.millis();
    }

    /**
     * Switches the request to an asynchronous event stream. The response goes through the same wrappers as every
     * other (security headers are written when it commits). Nothing is written before {@link #start()}.
     *
     * @param ended called once when the stream ends, whichever way (client gone, timeout, drop, shutdown)
     */
    static SseConnection open(HttpServletRequest request, HttpServletResponse response, Duration timeout,
                              Duration slowAfter, Clock clock, Consumer<StreamDrop> dropped,
                              Consumer<SseConnection> ended) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        ServletOutputStream out = response.getOutputStream();
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(timeout.toMillis());
        SseConnection connection = new SseConnection(async, out, clock, slowAfter, dropped, ended);
        async.addListener(connection);
        return connection;
    }

    /** Starts writing: the container calls {@link #onWritePossible} once the connection can take bytes. */
    void start() {
        out.setWriteListener(this);
    }

    /** An event: written now if the connection takes it, else it replaces the pending frame. */
    void offer(byte[] frame) {
        send(frame, true);
    }

    /** A heartbeat comment, unless an event is waiting anyway (it keeps the connection just as busy). */
    void heartbeat() {
        send(HEARTBEAT, false);
    }

    private void send(byte[] frame, boolean keepIfBusy) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (!awaitingWritable && pending == null) {
                write(frame);
                return;
            }
            if (keepIfBusy) {
                pending = frame;
            }
        }
        dropIfStalled();
    }

    @Override
    public synchronized void onWritePossible() {
        if (closed) {
            return;
        }
        awaitingWritable = false;
        try {
            if (flushOwed) {
                flushOwed = false;
                out.flush();
                if (!out.isReady()) {
                    stall();
                    return;
                }
            }
        } catch (IOException e) {
            fail();
            return;
        }
        if (pending != null) {
            byte[] next = pending;
            pending = null;
            write(next);
        }
    }

    /** Ends the stream from this side (shutdown); the client may reconnect elsewhere. */
    void close() {
        if (markClosed()) {
            complete();
        }
    }

    @Override
    public void onError(Throwable failure) {
        markClosed();
        end();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        markClosed();
        end();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        close();
    }

    @Override
    public void onError(AsyncEvent event) {
        onError(event.getThrowable());
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // re-registration is not needed: the stream is never dispatched again
    }

    /** Called with this connection's lock held, when the last write finished and nothing was pending. */
    private void write(byte[] frame) {
        try {
            out.write(frame);
            if (out.isReady()) {
                out.flush();
                if (!out.isReady()) {
                    stall();
                }
            } else {
                flushOwed = true;
                stall();
            }
        } catch (IOException | IllegalStateException e) {
            fail();
        }
    }

    private void stall() {
        awaitingWritable = true;
        awaitingSinceMillis = clock.millis();
    }

    private void fail() {
        if (markClosed()) {
            dropped.accept(StreamDrop.WRITE_FAILED);
            end();
            complete();
        }
    }

    private void dropIfStalled() {
        boolean slow;
        synchronized (this) {
            slow = !closed && awaitingWritable && clock.millis() - awaitingSinceMillis > slowAfterMillis;
            if (slow) {
                closed = true;
                pending = null;
            }
        }
        if (slow) {
            dropped.accept(StreamDrop.SLOW);
            end();
            complete();
        }
    }

    private void end() {
        if (endReported.compareAndSet(false, true)) {
            ended.accept(this);
        }
    }

    private synchronized boolean markClosed() {
        if (closed) {
            return false;
        }
        closed = true;
        pending = null;
        return true;
    }

    private void complete() {
        try {
            async.complete();
        } catch (IllegalStateException alreadyCompleted) {
            // the container ended it first (client gone, timeout)
        }
    }
}
