package dev.leaderboard.eventstore;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The W3C trace context an event was produced in, as its metadata carries it: the trace id ({@value #TRACE_ID}) and
 * the id of the span that submitted the command ({@value #SPAN_ID}), both present only while tracing was on. Axon's
 * own origin provider also writes {@value #TRACE_ID} (the first message's id, not a W3C trace id) when a command
 * carried none, so only well-formed values make an origin.
 */
public record TraceOrigin(String traceId, String spanId) {

    public static final String TRACE_ID = "traceId";
    public static final String SPAN_ID = "spanId";

    private static final Pattern TRACE_ID_FORMAT = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SPAN_ID_FORMAT = Pattern.compile("[0-9a-f]{16}");

    /** The origin in an event's metadata, or null when it has none (tracing was off, or the values are not W3C). */
    public static TraceOrigin of(Map<String, ?> metaData) {
        return of(metaData.get(TRACE_ID) instanceof String t ? t : null,
                metaData.get(SPAN_ID) instanceof String s ? s : null);
    }

    /** The origin of a W3C {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}), or null. */
    public static TraceOrigin ofTraceparent(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.split("-", -1);
        return parts.length == 4 ? of(parts[1], parts[2]) : null;
    }

    /** Both ids when well-formed, else null. */
    public static TraceOrigin of(String traceId, String spanId) {
        return wellFormedTraceId(traceId) != null && spanId != null && SPAN_ID_FORMAT.matcher(spanId).matches()
                ? new TraceOrigin(traceId, spanId) : null;
    }

    /** The value when it is a W3C trace id (32 lower-case hex digits), else null. */
    public static String wellFormedTraceId(String value) {
        return value != null && TRACE_ID_FORMAT.matcher(value).matches() ? value : null;
    }
}
