package dev.leaderboard.projections.standings;

import dev.leaderboard.events.PlayerReinstated;
import dev.leaderboard.events.PlayerSuspended;
import dev.leaderboard.events.ScoreAdjusted;
import dev.leaderboard.events.ScoreIncreased;
import dev.leaderboard.projections.live.BoardChangePublisher;
import dev.leaderboard.projections.periods.Fences;
import dev.leaderboard.projections.periods.LateEvents;
import dev.leaderboard.projections.periods.PeriodFences;
import dev.leaderboard.eventstore.TraceOrigin;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;


/**
 * The standings projection's event handlers. Each handler only records what its event means; the batch is written
 * once, just before the processor's transaction commits (one upsert, one pipelined Redis round trip per batch);
 * after the commit, changed tops are published for live readers.
 */
@ProcessingGroup(StandingsProjector.PROCESSING_GROUP)
public class StandingsProjector {

    public static final String PROCESSING_GROUP = "standings";
    private static final String BATCH = StandingsProjector.class.getName() + ".batch";

    private final StandingsWriter writer;
    private final BoardChangePublisher publisher;
    private final PeriodFences fences;
    private final LateEvents lateEvents;
    private final RedisWriteTracing tracing;

    public StandingsProjector(StandingsWriter writer, BoardChangePublisher publisher, PeriodFences fences,
                              LateEvents lateEvents, RedisWriteTracing tracing) {
        this.writer = writer;
        this.publisher = publisher;
        this.fences = fences;
        this.lateEvents = lateEvents;
        this.tracing = tracing;
    }

    @EventHandler
    void on(ScoreIncreased event, @SequenceNumber long sequenceNumber, TrackingToken token, EventMessage<?> message) {
        addScoring(event, sequenceNumber, token);
        noteOrigin(message);
    }

    @EventHandler
    void on(ScoreAdjusted event, @SequenceNumber long sequenceNumber, TrackingToken token, EventMessage<?> message) {
        addScoring(event, sequenceNumber, token);
        noteOrigin(message);
    }

    @EventHandler
    void on(PlayerSuspended event, @SequenceNumber long sequenceNumber, EventMessage<?> message) {
        StandingsOfEvents.addTo(batch().changes, event, sequenceNumber);
        noteOrigin(message);
    }

    @EventHandler
    void on(PlayerReinstated event, @SequenceNumber long sequenceNumber, EventMessage<?> message) {
        StandingsOfEvents.addTo(batch().changes, event, sequenceNumber);
        noteOrigin(message);
    }

    private void addScoring(Object event, long sequenceNumber, TrackingToken token) {
        Batch batch = batch();
        StandingsOfEvents.addTo(batch.changes, event, sequenceNumber, positionOf(token), batch.fences(),
                lateEvents::count);
    }

    /** The event's trace context, for the batch's Redis-write span; the metadata is not even read while off. */
    private void noteOrigin(EventMessage<?> message) {
        if (tracing.isOn()) {
            TraceOrigin origin = TraceOrigin.of(message.getMetaData());
            if (origin != null) {
                batch().changes.addTraceOrigin(origin);
            }
        }
    }

    static long positionOf(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("no position in " + token));
    }

    // A new event type that moves standings: one handler like the above plus one case in StandingsOfEvents.

    private Batch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch();
            unitOfWork.onPrepareCommit(u -> {
                StandingsWriter.Written written = writer.write(batch.changes);
                unitOfWork.afterCommit(committed -> publisher.publishChanges(written.generations().live(),
                        written.liveBoards()));
            });
            return batch;
        });
    }

    /**
     * One batch's changes, and the fences of closed periods, read at its first scoring event: every event of the
     * batch was read from the store before, and the shared lock taken with them is held until the batch commits.
     */
    private final class Batch {
        private final StandingChanges changes = new StandingChanges();
        private Fences fences;

        Fences fences() {
            if (fences == null) {
                fences = StandingsProjector.this.fences.current();
            }
            return fences;
        }
    }
}
