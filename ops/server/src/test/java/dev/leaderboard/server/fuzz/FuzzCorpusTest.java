package dev.leaderboard.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.server.support.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Replays {@code fuzz/corpus.json} on every build: the nastiest requests found (each a 500, a non-problem 4xx or a
 * write on refusal before its fix), checked by the same {@link ResponseRules} as the property. Tokens are written as
 * placeholders ({@code {admin}}, {@code {player}}, {@code {service}}, {@code {expired}}, {@code {alg-none}}) and
 * minted at run time.
 */
class FuzzCorpusTest {

    private static final Map<String, String> TOKENS = Map.of(
            "{admin}", Tokens.admin(),
            "{player}", Tokens.player("fz-1"),
            "{service}", Tokens.service("fuzz-service"),
            "{expired}", Tokens.expired("fz-1"),
            "{alg-none}", FuzzAuth.unsigned("fz-1"));

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aRequestOfTheCorpusIsAnsweredWithoutA5xxAndRefusedAsAProblemThatChangesNothing(String why,
                                                                                        FuzzRequest request) {
        ResponseRules.sendAndCheck(FuzzServer.get(), request);
    }

    static Stream<Arguments> corpus() throws IOException {
        JsonNode entries;
        try (InputStream in = FuzzCorpusTest.class.getResourceAsStream("/fuzz/corpus.json")) {
            entries = new ObjectMapper().readTree(in);
        }
        return StreamSupport.stream(entries.spliterator(), false)
                .map(entry -> Arguments.of(entry.path("why").asText(), request(entry)));
    }

    private static FuzzRequest request(JsonNode entry) {
        List<FuzzRequest.Header> headers = new ArrayList<>();
        entry.path("headers").forEach(pair -> headers.add(new FuzzRequest.Header(pair.get(0).asText(),
                withTokens(pair.get(1).asText()))));
        byte[] body = null;
        if (entry.has("body")) {
            body = entry.get("body").asText().getBytes(StandardCharsets.UTF_8);
        } else if (entry.has("bodyBase64")) {
            body = Base64.getDecoder().decode(entry.get("bodyBase64").asText());
        } else if (entry.has("bodyRepeat")) {
            body = entry.get("bodyRepeat").get(0).asText().repeat(entry.get("bodyRepeat").get(1).asInt())
                    .getBytes(StandardCharsets.UTF_8);
        }
        String target = entry.get("target").asText() + "x".repeat(entry.path("targetPadding").asInt(0));
        return new FuzzRequest("corpus", entry.path("method").asText("GET"), target, headers, body);
    }

    private static String withTokens(String value) {
        String replaced = value;
        for (Map.Entry<String, String> token : TOKENS.entrySet()) {
            replaced = replaced.replace(token.getKey(), token.getValue());
        }
        return replaced;
    }

    static {
        // fail early, with the reason, if the resource is missing from the test class path
        if (FuzzCorpusTest.class.getResource("/fuzz/corpus.json") == null) {
            throw new UncheckedIOException(new IOException("fuzz/corpus.json is not on the test class path"));
        }
    }
}
