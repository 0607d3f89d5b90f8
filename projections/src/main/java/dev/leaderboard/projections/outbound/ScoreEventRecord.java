package dev.leaderboard.projections.outbound;

import java.time.Instant;

/**
 * The value of one record on the outbound topic (docs/api.md "Kafka"). {@code data} is the event's fields exactly as
 * stored; everything else describes where the event stands in the store.
 *
 * @param version        the envelope's format, {@link #VERSION}
 * @param eventType      the event's simple class name, e.g. {@code ScoreIncreased}
 * @param revision       the event's payload revision ({@code @Revision}); a change that is not additive raises it
 * @param eventId        the Axon event id: unique, the same on every redelivery (deduplicate by it)
 * @param aggregateId    the stream the event belongs to (the userId for player events)
 * @param sequenceNumber the event's position in its aggregate's stream, from 0; null for an event of no aggregate
 * @param globalPosition the event's position in the whole store (increasing, with gaps)
 * @param timestamp      when the event was stored
 */
public record ScoreEventRecord(int version, String eventType, String revision, String eventId, String aggregateId,
                               Long sequenceNumber, Long globalPosition, Instant timestamp, Object data) {

    /** The envelope's own format; raised only by a change that is not additive. */
    public static final int VERSION = 1;
}
