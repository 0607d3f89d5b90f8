package dev.leaderboard.server.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import java.util.List;

/** Header values the fuzzer sends: content types, accept lists, validators, and odd extra headers. */
final class Headers {

    static final List<String> CONTENT_TYPES = List.of("application/x-www-form-urlencoded", "multipart/form-data",
            "multipart/form-data; boundary=zz", "text/plain", "text/csv", "application/xml",
            "application/json; charset=utf-16", "application/json; charset=nope", "application/problem+json",
            "application/*", "*/*", "", "garbage", "application/json;;", "application/json; boundary=\"",
            "text/event-stream", "application/x-ndjson", "application/json, text/plain");

    static final List<String> ACCEPTS = List.of("application/json", "application/problem+json",
            "text/event-stream", "text/csv", "application/x-ndjson", "text/html", "*/*", "", "application/xml",
            "garbage", "*/*;q=x", "application/json;q=0", "image/png", "text/*", "application/json, */*;q=0.1");

    /** Headers that change request framing (and would make the server wait for bytes never sent) are not here. */
    static final List<String> EXTRA_NAMES = List.of("X-Forwarded-For", "X-Forwarded-Proto", "Forwarded", "Origin",
            "Access-Control-Request-Method", "Range", "Last-Event-ID", "Cookie", "User-Agent", "Accept-Encoding",
            "Accept-Charset", "Accept-Language", "If-Modified-Since", "X-HTTP-Method-Override", "Host",
            "Authorization", "Content-Type", "X-Request-Id");

    private Headers() {
    }

    /** Any header-safe text: no CR or LF (they would end the header and change the request). */
    static Arbitrary<String> text() {
        return FuzzValues.hostile().map(Headers::safe);
    }

    static String safe(String value) {
        return value.replace('\r', ' ').replace('\n', ' ');
    }

    static Arbitrary<String> contentType(boolean jsonBody) {
        return jsonBody
                ? Arbitraries.frequencyOf(Tuple.of(16, Arbitraries.just("application/json")),
                Tuple.of(1, Arbitraries.just("application/json;charset=UTF-8")),
                Tuple.of(3, Arbitraries.of(CONTENT_TYPES)))
                : Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just("application/json")),
                Tuple.of(2, Arbitraries.of(CONTENT_TYPES))).injectNull(0.7);
    }

    static Arbitrary<String> accept() {
        return Arbitraries.of(ACCEPTS).injectNull(0.6);
    }

    static Arbitrary<String> ifNoneMatch() {
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of("*", "\"x\"", "W/\"abc\"", "\"", "\"a\", \"b\"", "")),
                Tuple.of(1, text())).injectNull(0.75);
    }

    static Arbitrary<String> requestId() {
        return text().injectNull(0.85);
    }

    static Arbitrary<FuzzRequest.Header> extra() {
        return net.jqwik.api.Combinators.combine(Arbitraries.of(EXTRA_NAMES), text()).as(FuzzRequest.Header::new)
                .injectNull(0.8);
    }
}
