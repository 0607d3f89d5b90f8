package dev.leaderboard.server.fuzz;

import java.util.List;

import static dev.leaderboard.server.fuzz.Endpoint.Trait.NO_SUCCESS;
import static dev.leaderboard.server.fuzz.Endpoint.Trait.STREAM;
import static dev.leaderboard.server.fuzz.Endpoint.delete;
import static dev.leaderboard.server.fuzz.Endpoint.get;
import static dev.leaderboard.server.fuzz.Endpoint.post;
import static dev.leaderboard.server.fuzz.Endpoint.put;

/**
 * Every public and operator endpoint of API.md, in one list: a new endpoint is one more line here (parameter and
 * field names already known to {@link FuzzValues} get plausible values as well as hostile ones). Endpoints API.md
 * promises that this build does not have yet are listed too: they are 404 problems until they exist.
 */
public final class EndpointCatalogue {

    private static final String[] READ = {"window", "period", "from", "to", "segment", "rankStyle"};

    public static final List<Endpoint> ALL = List.of(
            get("boards", "/api/v1/leaderboards"),
            get("rankings", "/api/v1/leaderboards/{id}/rankings", with(READ, "offset", "limit")),
            get("player", "/api/v1/leaderboards/{id}/players/{userId}", with(READ, "context")),
            get("export", "/api/v1/leaderboards/{id}/export", with(READ, "format")),
            get("stream", "/api/v1/leaderboards/{id}/stream", "window", "segment", "top",
                    "access_token").with(STREAM),
            get("tiers", "/api/v1/leaderboards/{id}/tiers", READ),
            get("tier-players", "/api/v1/leaderboards/{id}/tiers/{tier}/players", with(READ, "offset", "limit")),
            get("results", "/api/v1/leaderboards/{id}/results", with(READ, "offset", "limit")),
            get("results-export", "/api/v1/leaderboards/{id}/results/export", "window", "period", "segment",
                    "format"),
            post("subset", "/api/v1/leaderboards/{id}/rankings/subset", READ).body("userIds"),
            post("graphql", "/api/v1/graphql").body("query", "variables", "operationName"),
            post("action", "/api/v1/actions")
                    .body("actionId", "type", "leaderboardId", "userId", "attributes", "segment").submit(),
            post("batch", "/api/v1/actions/batch").body("actions").submit(),
            get("action-types", "/api/v1/action-types"),
            put("define-board", "/api/v1/admin/leaderboards/{id}").body("name", "description", "tiers").admin(),
            get("projections", "/api/v1/admin/projections").admin(),
            post("replay", "/api/v1/admin/projections/{projection}/replay").admin().with(NO_SUCCESS),
            delete("cancel-replay", "/api/v1/admin/projections/{projection}/replay").admin(),
            post("restore", "/api/v1/admin/projections/{projection}/restore").admin().with(NO_SUCCESS),
            post("reset", "/api/v1/admin/projections/{projection}/reset", "position").admin().with(NO_SUCCESS),
            get("kafka-ingress", "/api/v1/admin/ingress/kafka").admin(),
            post("kafka-pause", "/api/v1/admin/ingress/kafka/pause").admin(),
            post("kafka-resume", "/api/v1/admin/ingress/kafka/resume").admin(),
            get("history", "/api/v1/admin/players/{userId}/history").admin(),
            post("adjustment", "/api/v1/admin/players/{userId}/adjustments")
                    .body("leaderboardId", "points", "reason").admin(),
            put("suspend", "/api/v1/admin/players/{userId}/suspension").body("reason").admin(),
            delete("reinstate", "/api/v1/admin/players/{userId}/suspension").body("reason").admin(),
            get("flags", "/api/v1/admin/flags", "status").admin(),
            post("resolve-flag", "/api/v1/admin/flags/{flagId}/resolve").body("resolution", "reason").admin(),
            get("health", "/health"),
            get("actuator-health", "/actuator/health/{group}"),
            get("readiness", "/readiness"),
            get("liveness", "/liveness"),
            get("metric", "/actuator/metrics/{metric}", "tag"),
            get("api-docs", "/v3/api-docs"),
            get("swagger", "/swagger-ui.html"),
            get("web-page", "/"),
            get("error-page", "/error"),
            get("unknown-api-path", "/api/v1/{anything}"),
            get("unknown-board-path", "/api/v1/leaderboards/{id}/{anything}"));

    private EndpointCatalogue() {
    }

    private static String[] with(String[] common, String... more) {
        String[] all = java.util.Arrays.copyOf(common, common.length + more.length);
        System.arraycopy(more, 0, all, common.length, more.length);
        return all;
    }
}
