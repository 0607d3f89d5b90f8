package dev.leaderboard.bench;

import dev.leaderboard.bench.baseline.BaselineResult;
import dev.leaderboard.bench.hotplayer.HotPlayerResult;
import dev.leaderboard.bench.ingestion.IngestionBaselines;
import dev.leaderboard.bench.ingestion.KafkaScenario;
import dev.leaderboard.bench.load.LoadResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything measured against one server.
 *
 * @param target       e.g. "jdbc" or the external URL
 * @param persistence  what the server reported running (engine, token store, transaction manager)
 * @param database     PostgreSQL version and durability settings, and the stored event size
 * @param serverLog    the started server's log file; empty for an external server
 * @param http         rest-single: {@code POST /api/v1/actions}, with its CPU time
 * @param perEvent     rest-single's baseline (a), if the database was reachable
 * @param batched      rest-single's baseline (b), if the database was reachable
 * @param batch        rest-batch: {@code POST /api/v1/actions/batch}, with its CPU time
 * @param kafka        the kafka scenario
 * @param kafkaTwoProcesses the kafka scenario again with a second server process consuming too
 * @param ingestion    the ingestion baselines (for rest-batch and kafka)
 * @param hotPlayer    the hot-player scenario, if it ran
 * @param facts        lines printed with the figures: load averages, settings as run, fill rates
 * @param profiles     JFR summaries of the server, one per recorded phase
 * @param notes        what was skipped, and why
 * @param failures     scenarios that could not run, with the reason (the exit code is then 1)
 */
record RunFigures(String target, String persistence, String database, String serverLog,
                  Optional<LoadResult> http, Optional<BaselineResult> perEvent, Optional<BaselineResult> batched,
                  Optional<LoadResult> batch, Optional<KafkaScenario.Result> kafka,
                  Optional<KafkaScenario.Result> kafkaTwoProcesses,
                  Optional<IngestionBaselines.Figures> ingestion, Optional<HotPlayerResult> hotPlayer,
                  List<String> facts, List<String> profiles, List<String> notes, List<String> failures) {

    RunFigures {
        facts = List.copyOf(facts);
        profiles = List.copyOf(profiles);
        notes = List.copyOf(notes);
        failures = List.copyOf(failures);
    }

    /** Collects a run's figures as its scenarios complete. */
    static final class Builder {
        final String target;
        String persistence = "external server";
        String database = "unknown";
        String serverLog = "";
        Optional<LoadResult> http = Optional.empty();
        Optional<BaselineResult> perEvent = Optional.empty();
        Optional<BaselineResult> batched = Optional.empty();
        Optional<LoadResult> batch = Optional.empty();
        Optional<KafkaScenario.Result> kafka = Optional.empty();
        Optional<KafkaScenario.Result> kafkaTwoProcesses = Optional.empty();
        Optional<IngestionBaselines.Figures> ingestion = Optional.empty();
        Optional<HotPlayerResult> hotPlayer = Optional.empty();
        final List<String> facts = new ArrayList<>();
        final List<String> profiles = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final List<String> failures = new ArrayList<>();

        Builder(String target) {
            this.target = target;
        }

        RunFigures build() {
            return new RunFigures(target, persistence, database, serverLog, http, perEvent, batched, batch, kafka,
                    kafkaTwoProcesses, ingestion, hotPlayer, facts, profiles, notes, failures);
        }
    }
}
