package dev.leaderboard.command.actions;

import dev.leaderboard.eventstore.TraceOrigin;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;
import org.slf4j.MDC;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where a command came from. It travels as command metadata and, through the correlation data provider, onto every
 * event the command produces: the event store is the audit log.
 */
public final class RequestMetadata {

    public static final String CLIENT_IP = "clientIp";
    public static final String USER_AGENT = "userAgent";
    public static final String REQUEST_ID = "requestId";
    public static final String SUBMITTED_BY = "submittedBy";
    /** The W3C trace id of the request or record that carried the action, when it was traced. */
    public static final String TRACE_ID = TraceOrigin.TRACE_ID;
    /** The span that submitted the action, with {@link #TRACE_ID}: the projection links its Redis write to it. */
    public static final String SPAN_ID = TraceOrigin.SPAN_ID;
    /** The logging context keys Micrometer Tracing fills with the current trace and span (while tracing is on). */
    public static final String TRACE_ID_MDC = "traceId";
    public static final String SPAN_ID_MDC = "spanId";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** Set by the server's request-id filter, which also echoes the id on every response. */
    public static final String REQUEST_ID_ATTRIBUTE = RequestMetadata.class.getName() + ".requestId";

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final int MAX_USER_AGENT = 512;

    private RequestMetadata() {
    }

    /** The id assigned to this request: the caller's when well-formed, otherwise a fresh one. */
    public static String requestId(HttpServletRequest request) {
        if (request.getAttribute(REQUEST_ID_ATTRIBUTE) instanceof String assigned) {
            return assigned;
        }
        String given = request.getHeader(REQUEST_ID_HEADER);
        return given != null && SAFE_REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    public static MetaData of(HttpServletRequest request, String requestId, String submittedBy) {
        Map<String, String> values = new HashMap<>();
        values.put(CLIENT_IP, request.getRemoteAddr());
        String userAgent = request.getHeader("User-Agent");
        if (userAgent != null) {
            values.put(USER_AGENT, userAgent.length() > MAX_USER_AGENT ? userAgent.substring(0, MAX_USER_AGENT)
                    : userAgent);
        }
        values.put(REQUEST_ID, requestId);
        values.put(SUBMITTED_BY, submittedBy);
        String traceId = wellFormedTraceId(MDC.get(TRACE_ID_MDC));
        if (traceId != null) {
            values.put(TRACE_ID, traceId);
            TraceOrigin origin = TraceOrigin.of(traceId, MDC.get(SPAN_ID_MDC));
            if (origin != null) {
                values.put(SPAN_ID, origin.spanId());
            }
        }
        return MetaData.from(values);
    }

    /** The trace id of a W3C {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}), or null. */
    public static String traceIdOf(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.split("-", -1);
        return parts.length == 4 ? wellFormedTraceId(parts[1]) : null;
    }

    /** The value when it is a W3C trace id (32 lower-case hex digits), else null. */
    public static String wellFormedTraceId(String value) {
        return TraceOrigin.wellFormedTraceId(value);
    }
}
