package dev.leaderboard.projections.standings;

import dev.leaderboard.eventstore.TraceOrigin;
import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

import java.util.Set;
import java.util.function.Supplier;

/**
 * A batch's Redis write as the span {@value #SPAN_NAME}, with a link to the span that submitted each event (the
 * trace context in the event's metadata), so one action can be followed from its HTTP request or Kafka record to
 * the Redis write that made it visible. A batch mixes many players' events, so the span is a trace of its own,
 * except when all its events come from one trace: then it is also a child of that trace's first origin.
 */
public class TracedRedisWrites implements RedisWriteTracing {

    public static final String SPAN_NAME = "leaderboard.projection.redis-write";
    /** OpenTelemetry's default limit of links per span: more would be dropped by the SDK anyway. */
    static final int MAX_LINKS = 128;

    private final Tracer tracer;

    public TracedRedisWrites(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public boolean isOn() {
        return true;
    }

    @Override
    public <T> T write(Set<TraceOrigin> origins, int events, Supplier<T> write) {
        if (origins.isEmpty()) {
            return write.get();
        }
        Span span = start(origins, events);
        try {
            return write.get();
        } catch (RuntimeException | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private Span start(Set<TraceOrigin> origins, int events) {
        Span.Builder builder = tracer.spanBuilder().name(SPAN_NAME)
                .tag("leaderboard.events", events)
                .tag("leaderboard.linked-spans", origins.size());
        TraceOrigin first = origins.iterator().next();
        if (origins.stream().allMatch(origin -> origin.traceId().equals(first.traceId()))) {
            builder.setParent(context(first));
        } else {
            builder.setNoParent();
        }
        origins.stream().limit(MAX_LINKS).forEach(origin -> builder.addLink(new Link(context(origin))));
        return builder.start();
    }

    /** Sampled: the origin's own decision is not recorded, and a write of a sampled action must not be lost. */
    private TraceContext context(TraceOrigin origin) {
        return tracer.traceContextBuilder().traceId(origin.traceId()).spanId(origin.spanId()).sampled(true).build();
    }
}
