package dev.leaderboard.bench.hotplayer;

import java.time.Duration;

/**
 * @param pastEvents         events the hot player had when its cold load was measured
 * @param fillTime           time to insert the copied events and ledger rows with SQL
 * @param fresh              a new player, on the server started after the fill
 * @param hotFromEvents      the hot player's first command loads every event (no snapshot yet, empty cache)
 * @param hotSteady          the hot player's later commands (cached aggregate), measured after the snapshot was taken
 * @param snapshotTaken      whether a snapshot of the hot player appeared after its cold load
 * @param hotFromSnapshot    after another restart: the first command loads the snapshot plus the events after it
 * @param freshAfterRestart  a new player on that same restarted server
 * @param projections        what waiting for the projections to catch up observed
 */
public record HotPlayerResult(long pastEvents, Duration fillTime, Probe fresh, Probe hotFromEvents, Probe hotSteady,
                              boolean snapshotTaken, Probe hotFromSnapshot, Probe freshAfterRestart,
                              String projections) {
}
