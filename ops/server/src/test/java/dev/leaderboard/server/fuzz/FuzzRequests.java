package dev.leaderboard.server.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Generates whole requests for the endpoints of the catalogue. */
final class FuzzRequests {

    private static final List<String> OTHER_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD",
            "OPTIONS", "TRACE", "PROPFIND", "get", "FOO", "M-SEARCH");

    private static final java.util.regex.Pattern HEAVY = java.util.regex.Pattern.compile(
            "/projections/+standings/+(replay|restore)");

    private static final Map<Endpoint, Arbitrary<FuzzRequest>> BY_ENDPOINT = new ConcurrentHashMap<>();

    /** How a value is put into the URL. */
    enum Encoding { PERCENT, RAW, FORM }

    private FuzzRequests() {
    }

    static Arbitrary<FuzzRequest> any() {
        return Arbitraries.of(EndpointCatalogue.ALL).flatMap(e -> BY_ENDPOINT.computeIfAbsent(e, FuzzRequests::to));
    }

    private record Draft(Endpoint endpoint, String method, List<String> pathValues, String target,
                         FuzzAuth.Auth auth, List<FuzzRequest.Header> headers, byte[] body) {

        /**
         * The heavy operation itself (a replay or restore that would really run), which the fuzzer leaves out,
         * whichever catalogue entry produced it (another entry on the same path with a random method can, too).
         */
        boolean isHeavySuccess() {
            boolean adminCredential = auth.grantsAdmin() || headers.stream().anyMatch(h ->
                    FuzzAuth.ADMIN_TOKENS.stream().anyMatch(token -> h.value().contains(token)));
            String decoded = java.net.URLDecoder.decode(target.replace("+", "%2B").replaceAll("%(?![0-9A-Fa-f]{2})",
                    "%25"), StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
            return adminCredential && "POST".equalsIgnoreCase(method) && HEAVY.matcher(decoded).find();
        }

        FuzzRequest request() {
            List<FuzzRequest.Header> all = new ArrayList<>();
            if (auth.header() != null) {
                all.add(new FuzzRequest.Header("Authorization", Headers.safe(auth.header())));
            }
            all.addAll(headers);
            return new FuzzRequest(endpoint.name() + ", auth " + auth.kind(), method, target, all, body);
        }
    }

    static Arbitrary<FuzzRequest> to(Endpoint endpoint) {
        Arbitrary<String> method = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just(endpoint.method())),
                Tuple.of(1, Arbitraries.of(OTHER_METHODS)));
        List<Arbitrary<String>> pathValues = endpoint.pathParameters().stream().map(FuzzValues::parameter).toList();
        Arbitrary<List<String>> rawPathValues = pathValues.isEmpty() ? Arbitraries.just(List.of())
                : Combinators.combine(pathValues).as(List::copyOf);
        Arbitrary<List<Encoding>> pathEncodings = Arbitraries.frequencyOf(Tuple.of(7, Arbitraries.just(Encoding.PERCENT)),
                Tuple.of(2, Arbitraries.just(Encoding.RAW))).list().ofSize(pathValues.size());
        Arbitrary<String> query = query(endpoint);
        Arbitrary<List<FuzzRequest.Header>> headers = Combinators.combine(
                Headers.contentType(endpoint.has(Endpoint.Trait.JSON_BODY)), Headers.accept(), Headers.ifNoneMatch(),
                Headers.requestId(), Headers.extra()).as((contentType, accept, ifNoneMatch, requestId, extra) -> {
                    List<FuzzRequest.Header> list = new ArrayList<>();
                    add(list, "Content-Type", contentType);
                    add(list, "Accept", accept);
                    add(list, "If-None-Match", ifNoneMatch);
                    add(list, "X-Request-Id", requestId);
                    if (extra != null) {
                        list.add(extra);
                    }
                    return list;
                });
        return Combinators.combine(method, rawPathValues, pathEncodings, query, FuzzAuth.forAccess(endpoint.access()), headers,
                        FuzzBodies.bodyFor(endpoint))
                .as((m, values, encodings, q, auth, h, body) -> new Draft(endpoint, m, values,
                        path(endpoint.path(), values, encodings) + q, auth, h, body))
                .filter(draft -> !draft.isHeavySuccess())
                .map(Draft::request);
    }

    private static void add(List<FuzzRequest.Header> headers, String name, String value) {
        if (value != null) {
            headers.add(new FuzzRequest.Header(name, Headers.safe(value)));
        }
    }

    private static String path(String template, List<String> values, List<Encoding> encodings) {
        String path = template;
        for (int i = 0; i < values.size(); i++) {
            int start = path.indexOf('{');
            int end = path.indexOf('}', start);
            path = path.substring(0, start) + encode(values.get(i), encodings.get(i), false) + path.substring(end + 1);
        }
        return path;
    }

    /** Some of the endpoint's parameters (and sometimes one it does not know, or one twice), encoded in one of 3 ways. */
    private static Arbitrary<String> query(Endpoint endpoint) {
        List<Arbitrary<String>> pairs = new ArrayList<>();
        for (String name : endpoint.query()) {
            pairs.add(pair(Arbitraries.just(name), FuzzValues.parameter(name)).injectNull(0.6));
        }
        pairs.add(pair(Arbitraries.of("callback", "offset", "window", "x", "", "a".repeat(200), "%zz", "a[]"),
                FuzzValues.hostile()).injectNull(0.85));
        Arbitrary<String> bare = Arbitraries.of("flag", "=", "&", "&&", "=x", "window").injectNull(0.95);
        pairs.add(bare);
        return Combinators.combine(pairs).as(list -> {
            List<String> present = list.stream().filter(Objects::nonNull).toList();
            return present.isEmpty() ? "" : "?" + String.join("&", present);
        });
    }

    private static Arbitrary<String> pair(Arbitrary<String> name, Arbitrary<String> value) {
        Arbitrary<Encoding> encoding = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(Encoding.PERCENT)),
                Tuple.of(2, Arbitraries.just(Encoding.RAW)), Tuple.of(2, Arbitraries.just(Encoding.FORM)));
        return Combinators.combine(name, value, encoding)
                .as((n, v, e) -> encode(n, e, true) + "=" + encode(v, e, true));
    }

    /**
     * PERCENT: every byte outside the unreserved set as %XX; FORM: the same with spaces as '+'; RAW: as written,
     * except CR and LF (which would end the request line).
     */
    static String encode(String value, Encoding encoding, boolean query) {
        if (encoding == Encoding.RAW) {
            return value.replace("\r", "%0D").replace("\n", "%0A");
        }
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 0x80 || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else if (c == ' ' && encoding == Encoding.FORM && query) {
                out.append('+');
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
