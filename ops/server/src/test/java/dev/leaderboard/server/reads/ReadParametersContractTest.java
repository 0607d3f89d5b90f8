package dev.leaderboard.server.reads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read endpoints' query parameters as clients see them, compared with a recorded contract
 * ({@code contracts/read-parameters.json}, taken when each endpoint still declared every parameter itself): the
 * parameters the OpenAPI document lists per operation (name, place, required, schema), and the whole problem
 * answered for invalid values. Each run writes what it saw to {@code target/read-parameters.actual.json}.
 */
class ReadParametersContractTest extends ServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OPERATIONS = List.of(
            "get /api/v1/leaderboards/{id}/rankings",
            "get /api/v1/leaderboards/{id}/players/{userId}",
            "get /api/v1/leaderboards/{id}/tiers",
            "get /api/v1/leaderboards/{id}/tiers/{tier}/players",
            "get /api/v1/leaderboards/{id}/export",
            "get /api/v1/leaderboards/{id}/results",
            "get /api/v1/leaderboards/{id}/results/export",
            "post /api/v1/leaderboards/{id}/rankings/subset",
            "get /api/v1/leaderboards/{id}/stream");
    private static final List<String> INVALID = List.of(
            "/rankings?limit=ten",
            "/rankings?offset=x",
            "/rankings?offset=-1",
            "/rankings?limit=1001",
            "/rankings?window=yearly",
            "/rankings?rankStyle=olympic",
            "/rankings?window=custom&from=2026-11-xx&to=2026-11-12",
            "/players/a?context=x",
            "/players/a?window=daily&period=2026-02-30",
            "/tiers?rankStyle=olympic",
            "/tiers/gold/players?limit=0",
            "/tiers/gold/players?offset=minus",
            "/export?format=xml",
            "/export?rankStyle=Dense",
            "/export?window=weekly&period=2026-W54",
            "/results?limit=ten",
            "/results?offset=-1",
            "/results?window=yearly",
            "/results?rankStyle=olympic",
            "/results/export?window=custom",
            "/results/export?format=xml");

    @Test
    void theReadEndpointsDocumentAndRefuseTheirParametersAsRecorded() throws IOException {
        ObjectNode actual = JSON.createObjectNode();
        actual.set("parameters", documentedParameters());
        actual.set("problems", problems());
        Path written = Path.of("target", "read-parameters.actual.json");
        Files.createDirectories(written.getParent());
        Files.writeString(written, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual));

        JsonNode expected = recorded();
        assertThat(actual.get("parameters")).isEqualTo(expected.get("parameters"));
        assertThat(actual.get("problems")).isEqualTo(expected.get("problems"));
    }

    @Test
    void aRequestHeaderNamedLikeAQueryParameterIsNotTakenForIt() {
        // rankStyle sends the request past HotReadsFilter to the controller, which binds the parameter records.
        Api.Response response = api.send(api.request("/api/v1/leaderboards/global/rankings?rankStyle=ordinal", null)
                .header("Window", "yearly").header("Limit", "ten"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** Per operation, its parameters sorted by name (their order is not part of the contract). */
    private ObjectNode documentedParameters() {
        JsonNode paths = api.get("/v3/api-docs", null).json().get("paths");
        ObjectNode operations = JSON.createObjectNode();
        for (String operation : OPERATIONS) {
            String[] methodAndPath = operation.split(" ", 2);
            JsonNode parameters = paths.path(methodAndPath[1]).path(methodAndPath[0]).path("parameters");
            List<JsonNode> sorted = new ArrayList<>();
            parameters.forEach(sorted::add);
            sorted.sort(Comparator.comparing(p -> p.get("name").asText()));
            ArrayNode list = operations.putArray(operation);
            sorted.forEach(list::add);
        }
        return operations;
    }

    private ObjectNode problems() {
        ObjectNode problems = JSON.createObjectNode();
        for (String path : INVALID) {
            Api.Response response = api.get("/api/v1/leaderboards/global" + path, null);
            ObjectNode answer = problems.putObject(path);
            answer.put("status", response.status());
            answer.put("contentType", response.contentType());
            answer.set("body", response.json());
        }
        Api.Response subset = api.post("/api/v1/leaderboards/global/rankings/subset?window=yearly", null,
                "{\"userIds\":[\"a\"]}");
        ObjectNode answer = problems.putObject("POST /rankings/subset?window=yearly");
        answer.put("status", subset.status());
        answer.put("contentType", subset.contentType());
        answer.set("body", subset.json());
        return problems;
    }

    private static JsonNode recorded() throws IOException {
        try (InputStream in = ReadParametersContractTest.class.getResourceAsStream("/contracts/read-parameters.json")) {
            assertThat(in).as("contracts/read-parameters.json").isNotNull();
            return JSON.readTree(in);
        }
    }
}
