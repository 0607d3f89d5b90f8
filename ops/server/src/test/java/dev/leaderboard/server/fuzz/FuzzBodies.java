package dev.leaderboard.server.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Request bodies. JSON is written as text, not through a mapper, so it can hold what a mapper would never write:
 * duplicate keys, numbers beyond any type, nesting past the parser's limit, invalid UTF-8 inside a string.
 */
final class FuzzBodies {

    static final List<String> JSON_LITERALS = List.of("null", "true", "false", "0", "-0", "1.5", "1e400", "-1e400",
            "9223372036854775808", "-9223372036854775809", "1E+2", "0.0000001", "\"\"", "[]", "{}", "[null]",
            "[1,\"a\"]", "{\"a\":1}", "{\"a\":{\"b\":{\"c\":[]}}}", "\"\\u0000\"", "\"\\ud800\"", "\"\\uDFFF\\uD800\"",
            "\"\\x41\"", "'single'", "NaN", "Infinity", "01", "1.", ".5", "+1", "[" + "[".repeat(1_200) + "]".repeat(1_200)
                    + "]", "{\"a\":".repeat(600) + "1" + "}".repeat(600), "1".repeat(1_200),
            "\"" + "x".repeat(3_000) + "\"");

    static final List<String> RAW_BODIES = List.of("", " ", "{", "}", "{\"a\":", "[", "null", "[]", "\"text\"", "%zz",
            "a=1&b=2", "actionId=a&type=quiz-completed", "\ufeff{}", "{}{}", "{\"actionId\":\"a\"} trailing",
            "--zz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--zz--\r\n", "<xml/>",
            "{\"actions\":[" + "{},".repeat(1_100) + "{}]}", "x".repeat(17_000));

    static final List<byte[]> INVALID_UTF8 = List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xFE, (byte) 0xFF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80},
            new byte[] {0x00}, new byte[] {(byte) 0xE2, (byte) 0x82});

    private FuzzBodies() {
    }

    /** A body for this endpoint: mostly its JSON object, sometimes any other bytes; rarely one for a bodiless one. */
    static Arbitrary<byte[]> bodyFor(Endpoint endpoint) {
        if (!endpoint.has(Endpoint.Trait.JSON_BODY)) {
            return Arbitraries.frequencyOf(Tuple.of(1, raw()), Tuple.of(1, object(List.of("a")).map(FuzzBodies::utf8)))
                    .injectNull(0.85);
        }
        return Arbitraries.frequencyOf(
                Tuple.of(10, object(endpoint.bodyFields()).map(FuzzBodies::utf8)),
                Tuple.of(2, raw()),
                Tuple.of(1, invalidUtf8In(endpoint.bodyFields().get(0))),
                Tuple.of(1, jsonValue().map(FuzzBodies::utf8)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(64)))
                .injectNull(0.03);
    }

    static Arbitrary<byte[]> raw() {
        return Arbitraries.of(RAW_BODIES).map(FuzzBodies::utf8);
    }

    private static Arbitrary<byte[]> invalidUtf8In(String field) {
        return Arbitraries.of(INVALID_UTF8).map(bad -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(("{\"" + field + "\":\"a").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(bad);
            out.writeBytes("b\",\"type\":\"quiz-completed\"}".getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        });
    }

    /** An object with the fields of the endpoint: each absent, plausible or hostile; sometimes extra or repeated. */
    static Arbitrary<String> object(List<String> fields) {
        List<Arbitrary<String>> members = new ArrayList<>();
        for (String field : fields) {
            members.add(Arbitraries.frequencyOf(Tuple.of(8, plausible(field)), Tuple.of(1, jsonValue()))
                    .map(value -> quoted(field) + ":" + value).injectNull(0.1));
        }
        Arbitrary<String> extra = Combinators.combine(Arbitraries.of("points", "score", "userId", "__proto__",
                        "", "a".repeat(300), fields.get(0)), jsonValue())
                .as((name, value) -> quoted(name) + ":" + value).injectNull(0.85);
        members.add(extra);
        return Combinators.combine(members).as(list -> "{" + String.join(",",
                list.stream().filter(java.util.Objects::nonNull).toList()) + "}");
    }

    static Arbitrary<String> jsonValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(JSON_LITERALS)),
                Tuple.of(4, FuzzValues.hostile().map(FuzzBodies::quoted)),
                Tuple.of(1, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(1, Arbitraries.doubles().map(String::valueOf)));
    }

    /** Values a valid request would have, per field name. */
    static Arbitrary<String> plausible(String field) {
        Map<String, Arbitrary<String>> byName = Map.ofEntries(
                Map.entry("actionId", Arbitraries.frequencyOf(
                        Tuple.of(4, Arbitraries.strings().withChars("0123456789abcdef").ofLength(20)),
                        Tuple.of(1, Arbitraries.of("fuzz-dup-1", "fuzz-dup-2"))).map(FuzzBodies::quoted)),
                Map.entry("type", Arbitraries.of("quiz-completed", "daily-login", "level-up", "teleported")
                        .map(FuzzBodies::quoted)),
                Map.entry("leaderboardId", Arbitraries.of("global", "weekly-quiz", "no-such-board")
                        .map(FuzzBodies::quoted)),
                Map.entry("userId", Arbitraries.of(FuzzValues.PLAYERS).map(FuzzBodies::quoted)),
                Map.entry("attributes", Arbitraries.of("{}", "{\"level\":3}", "{\"k\":\"v\",\"n\":null}")),
                Map.entry("segment", Arbitraries.of("eu", "us-west.2").map(FuzzBodies::quoted)),
                Map.entry("userIds", Arbitraries.of("[]", "[\"fz-1\",\"fz-2\"]", "[\"nobody\"]")),
                Map.entry("query", Arbitraries.of("{ leaderboards { leaderboardId } }",
                        "{ rankings(leaderboardId: \"global\", limit: 1000) { entries { rank userId score } } }",
                        "{ player(leaderboardId: \"global\", userId: \"fz-1\") { rank } }",
                        "{ rankings(leaderboardId: \"global\", window: \"custom\") { totalPlayers } }",
                        "{ rankings(leaderboardId: \"global\", offset: 99999999999999999999) { offset } }",
                        "{ nope }", "query {").map(FuzzBodies::quoted)),
                Map.entry("operationName", Arbitraries.of("A", "").map(FuzzBodies::quoted)),
                Map.entry("actions", Arbitraries.integers().between(1, 3).flatMap(n ->
                        object(List.of("actionId", "type", "leaderboardId", "userId", "attributes", "segment")).list()
                                .ofSize(n))
                        .map(items -> "[" + String.join(",", items) + "]")),
                Map.entry("name", Arbitraries.of("Fuzz board", "x").map(FuzzBodies::quoted)),
                Map.entry("description", Arbitraries.of("made by the fuzzer", "").map(FuzzBodies::quoted)),
                Map.entry("tiers", Arbitraries.of("[]", "[{\"name\":\"gold\",\"top\":10}]",
                        "[{\"name\":\"gold\",\"top\":1},{\"name\":\"silver\",\"topPercent\":12.5}]",
                        "[{\"name\":\"gold\"}]", "[{\"name\":\"gold\",\"topPercent\":1e-999999999}]",
                        "[{\"name\":\"gold\",\"top\":1},{\"name\":\"gold\",\"top\":2}]", "[null]")),
                Map.entry("points", Arbitraries.integers().between(-50, 50).map(String::valueOf)),
                Map.entry("reason", Arbitraries.of("fuzz", "").map(FuzzBodies::quoted)),
                Map.entry("resolution", Arbitraries.of("confirmed", "dismissed").map(FuzzBodies::quoted)));
        return byName.getOrDefault(field, jsonValue());
    }

    /** A JSON string literal of any text (escaped as JSON requires; lone surrogates as \\u escapes). */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
