package dev.leaderboard.projections.admin;

import dev.leaderboard.projections.standings.StandingsProjector;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;

import java.util.List;
import java.util.Optional;

/**
 * Moves a streaming processor without read models of its own (the outbound publisher) back, so it handles again
 * every event from a global position on. The standings are rebuilt by a replay instead, which keeps readers served.
 */
public class ProcessorReset {

    private final EventProcessingConfiguration processing;

    public ProcessorReset(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** Whether {@code name} is a processor of this instance that can be reset. */
    public boolean canReset(String name) {
        return !StandingsProjector.PROCESSING_GROUP.equals(name) && processor(name).isPresent();
    }

    /**
     * Stops the processor on this instance, moves all its segments' tokens to just before {@code position} (0 or
     * less: the first event) and starts it again. Fails, changing nothing, while another instance holds a segment.
     */
    public void reset(String name, long position) {
        StreamingEventProcessor processor = processor(name).orElseThrow();
        processor.shutDown();
        try {
            if (position <= 1) {
                processor.resetTokens(source -> source.createTailToken());
            } else {
                processor.resetTokens(GapAwareTrackingToken.newInstance(position - 1, List.of()));
            }
        } finally {
            processor.start();
        }
    }

    private Optional<StreamingEventProcessor> processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }
}
