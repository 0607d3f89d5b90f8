package dev.leaderboard.projections.periods;

import dev.leaderboard.projections.admin.ProjectionStatusReader;
import dev.leaderboard.projections.standings.StandingsProjector;
import dev.leaderboard.windows.TimeWindow;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether the live standings hold every event a fenced period counts: every event at or below the fence is stored
 * (the fence is settled), and every segment of the standings processor has processed all of them. A gap at or below
 * the fence in a segment's token is harmless once settled if no event was stored there (a rolled-back append).
 */
public class FenceCoverage {

    private final PeriodFences fences;
    private final ProjectionStatusReader status;

    public FenceCoverage(PeriodFences fences, ProjectionStatusReader status) {
        this.fences = fences;
        this.status = status;
    }

    public boolean covered(TimeWindow window, String period, long fence) {
        if (!fences.settled(window, period)) {
            return false;
        }
        List<TrackingToken> tokens = status.tokens(StandingsProjector.PROCESSING_GROUP);
        if (tokens.isEmpty()) {
            return false;
        }
        Set<Long> pendingGaps = new TreeSet<>();
        for (TrackingToken token : tokens) {
            if (token == null) {
                if (fence > 0) {
                    return false;
                }
                continue;
            }
            if (!(WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken gapAware)
                    || gapAware.getIndex() < fence) {
                return false;
            }
            pendingGaps.addAll(gapAware.getGaps().headSet(fence + 1));
        }
        return fences.stored(pendingGaps).isEmpty();
    }
}
