package dev.leaderboard.server.reads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fresh boards for tests that share one server: defined with the given tiers, filled with one action per player
 * through the batch endpoint (a service token, up to 1,000 players per request).
 */
final class BoardSeeds {

    /** Points of the test profile's action types, from high to low. */
    static final List<String> TYPES_BY_POINTS = List.of("achievement-unlocked", "quiz-perfect-score", "level-up",
            "quiz-completed", "daily-login"); // 100, 50, 25, 10, 5

    private BoardSeeds() {
    }

    /** Defines a board of a fresh id with a JSON array of tiers (or none when null), and returns its id. */
    static String define(Api api, String tiersJson) {
        String board = "b-" + UUID.randomUUID().toString().substring(0, 13);
        Api.Response defined = api.put("/api/v1/admin/leaderboards/" + board, Tokens.admin(),
                "{\"name\":\"Test board\"" + (tiersJson == null ? "" : ",\"tiers\":" + tiersJson) + "}");
        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
        return board;
    }

    /** Gives each new player one action of the given type, in one request; returns their ids in that order. */
    static List<String> fill(Api api, String board, List<String> types) {
        List<String> users = new ArrayList<>();
        String actions = types.stream().map(type -> {
            String user = "u-" + UUID.randomUUID().toString().substring(0, 13);
            users.add(user);
            return "{\"actionId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"leaderboardId\":\""
                    + board + "\",\"userId\":\"" + user + "\"}";
        }).collect(Collectors.joining(",", "{\"actions\":[", "]}"));
        Api.Response response = api.submitBatch(Tokens.service("seeder"), actions);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("results").findValuesAsText("status")).containsOnly("accepted");
        return users;
    }

    /** {@code players} types cycling through the five point values: many ties. */
    static List<String> cycling(int players) {
        List<String> types = new ArrayList<>(players);
        for (int i = 0; i < players; i++) {
            types.add(TYPES_BY_POINTS.get(i % TYPES_BY_POINTS.size()));
        }
        return types;
    }

    /** A number field of every entry of a read's body, in order. */
    static List<Long> numbers(JsonNode body, String field) {
        return body.get("entries").findValuesAsText(field).stream().map(Long::parseLong).toList();
    }
}
