package dev.leaderboard.projections.outbound;

/** Headers of every record this service publishes from its events (score events and period results). */
public final class OutboundHeaders {

    /** The Axon event id: consumers deduplicate by it (publication is at least once). */
    public static final String EVENT_ID = "event-id";
    /** The event's type (simple class name), on score events. */
    public static final String EVENT_TYPE = "event-type";

    private OutboundHeaders() {
    }
}
