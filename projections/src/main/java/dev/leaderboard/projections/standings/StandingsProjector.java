package dev.leaderboard.projections.standings;

import dev.leaderboard.events.PlayerReinstated;
import dev.leaderboard.events.PlayerSuspended;
import dev.leaderboard.events.ScoreAdjusted;
import dev.leaderboard.events.ScoreIncreased;
import dev.leaderboard.projections.live.BoardChangePublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
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

    public StandingsProjector(StandingsWriter writer, BoardChangePublisher publisher) {
        this.writer = writer;
        this.publisher = publisher;
    }

    @EventHandler
    void on(ScoreIncreased event, @SequenceNumber long sequenceNumber) {
        StandingsOfEvents.addTo(batch(), event, sequenceNumber);
    }

    @EventHandler
    void on(ScoreAdjusted event, @SequenceNumber long sequenceNumber) {
        StandingsOfEvents.addTo(batch(), event, sequenceNumber);
    }

    @EventHandler
    void on(PlayerSuspended event, @SequenceNumber long sequenceNumber) {
        StandingsOfEvents.addTo(batch(), event, sequenceNumber);
    }

    @EventHandler
    void on(PlayerReinstated event, @SequenceNumber long sequenceNumber) {
        StandingsOfEvents.addTo(batch(), event, sequenceNumber);
    }

    // A new event type that moves standings: one handler like the above plus one case in StandingsOfEvents.

    private StandingChanges batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            StandingChanges changes = new StandingChanges();
            unitOfWork.onPrepareCommit(u -> {
                StandingsWriter.Written written = writer.write(changes);
                unitOfWork.afterCommit(committed -> publisher.publishChanges(written.generations().live(),
                        written.liveBoards()));
            });
            return changes;
        });
    }

}
