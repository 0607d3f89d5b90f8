package dev.leaderboard.command.kafka;

/** Header names of the Kafka ingress records, their outcomes and their dead letters. */
public final class IngressHeaders {

    /** The request id that travels onto the event (default: {@code <topic>-<partition>-<offset>}). */
    public static final String REQUEST_ID = "request-id";
    /** Who submitted the action (default: {@code kafka}); the REST ingress sets the token's subject. */
    public static final String SUBMITTED_BY = "submitted-by";
    public static final String CLIENT_IP = "client-ip";
    public static final String USER_AGENT = "user-agent";
    /** W3C trace context: the trace id of the request or producer that sent the record goes onto the event. */
    public static final String TRACEPARENT = "traceparent";
    /** The REST ingress's trace id (Kafka mode), used when the record has no {@link #TRACEPARENT}. */
    public static final String TRACE_ID = "trace-id";
    /** The REST ingress's span id (Kafka mode), with {@link #TRACE_ID}. */
    public static final String SPAN_ID = "span-id";
    /** On a dead letter: why the record can never succeed ({@code Rejection}'s reason). */
    public static final String REASON = "leaderboard-reason";

    private IngressHeaders() {
    }
}
