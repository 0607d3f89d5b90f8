package dev.leaderboard.bench;

import dev.leaderboard.bench.baseline.BaselineResult;
import dev.leaderboard.bench.hotplayer.HotPlayerResult;
import dev.leaderboard.bench.load.LoadResult;
import dev.leaderboard.bench.report.CpuMeter;

import java.util.List;
import java.util.Optional;

/**
 * Everything measured against one server.
 *
 * @param target       e.g. "jdbc" or the external URL
 * @param persistence  what the server reported running (engine, token store, transaction manager)
 * @param database     PostgreSQL version and durability settings, and the stored event size
 * @param serverLog    the started server's log file; empty for an external server
 * @param http         the HTTP load
 * @param httpCpu      CPU time during the HTTP load
 * @param perEvent     baseline (a), if the database was reachable
 * @param batched      baseline (b), if the database was reachable
 * @param hotPlayer    the hot-player scenario, if it ran
 * @param notes        what was skipped, and why
 */
record RunFigures(String target, String persistence, String database, String serverLog, LoadResult http,
                  CpuMeter.Usage httpCpu, Optional<BaselineResult> perEvent, Optional<BaselineResult> batched,
                  Optional<HotPlayerResult> hotPlayer, List<String> notes) {

    RunFigures {
        notes = List.copyOf(notes);
    }
}
