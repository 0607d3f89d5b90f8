package dev.leaderboard.bench;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The write benchmark's scenarios ({@code --scenario}); they run in this order against one server. */
public enum WriteScenario {

    /** {@code POST /api/v1/actions}, one action per request (coalesced by the server), with the JDBC baselines. */
    REST_SINGLE("rest-single"),
    /** {@code POST /api/v1/actions/batch}, with the ingestion baselines. */
    REST_BATCH("rest-batch"),
    /** A pre-filled {@code leaderboard.actions} topic consumed by the server, with the ingestion baselines. */
    KAFKA("kafka"),
    /** A player with a long history against a new one; restarts the server, so it runs last. */
    HOT_PLAYER("hot-player");

    /** What {@code ops/bench/run} ran before there were scenarios to choose: both still run by default. */
    public static final Set<WriteScenario> DEFAULT = EnumSet.of(REST_SINGLE, HOT_PLAYER);

    private final String id;

    WriteScenario(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean ingestion() {
        return this == REST_BATCH || this == KAFKA;
    }

    /** A comma-separated list of scenario ids, or {@code all}, or {@code default}. */
    public static Set<WriteScenario> parseList(String value) {
        Set<WriteScenario> scenarios = EnumSet.noneOf(WriteScenario.class);
        for (String part : value.toLowerCase(Locale.ROOT).split(",")) {
            String id = part.trim();
            switch (id) {
                case "all" -> scenarios.addAll(EnumSet.allOf(WriteScenario.class));
                case "default" -> scenarios.addAll(DEFAULT);
                case "ingestion" -> scenarios.addAll(EnumSet.of(REST_SINGLE, REST_BATCH, KAFKA));
                default -> scenarios.add(parse(id));
            }
        }
        return scenarios;
    }

    private static WriteScenario parse(String id) {
        for (WriteScenario scenario : values()) {
            if (scenario.id.equals(id)) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("--scenario must be a comma-separated list of rest-single, rest-batch, "
                + "kafka, hot-player (or all, ingestion, default), was '" + id + "'");
    }
}
