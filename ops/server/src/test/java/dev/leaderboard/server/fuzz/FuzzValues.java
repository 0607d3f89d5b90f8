package dev.leaderboard.server.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Values for parameters and fields: plausible ones per name (so requests also get past validation and reach
 * storage) mixed with hostile ones (boundaries, overflow, far-future and impossible dates, unicode, escapes).
 */
final class FuzzValues {

    /** The players the fuzzer's tokens and values name, so lookups and submissions find each other. */
    static final List<String> PLAYERS = List.of("fz-0", "fz-1", "fz-2", "fz-3", "fz-4", "fz-5", "fz-6", "fz-7");

    static final List<String> NASTY = List.of(
            "", " ", "  ", "\t", "null", "undefined", "true", "[]", "{}", "0", "-0", "-1", "1", "01", "1.5", "1e3",
            "0x10", "NaN", "Infinity", "-Infinity", "2147483647", "2147483648", "-2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
            "99999999999999999999999999999999", "+1", "%", "%%", "%zz", "%2", "%00", "%FF", "%C3%28", "%2F", "%5C",
            "%2e%2e", "%252F", "%u0041", "..", "../..", "/", "//", "\\", ";", ";jsessionid=x", "?", "#", "&", "=",
            "+", "a b", "ü", "日本", "😀", "\u202e", "\u0000", "\u0001", "\u007f", "\u00a0", "\uffff", "\ufeff",
            "\ud800", "<script>alert(1)</script>", "' OR 1=1 --", "${jndi:ldap://x/a}", "#{1+1}", "{{7*7}}",
            "=cmd|' /C calc'!A0", "all-time", "daily", "weekly", "monthly", "custom", "csv", "ndjson",
            "+999999999-12-31", "-999999999-01-01", "+999999999-12", "+999999999-W52", "999999999-12-31",
            "+10000-01-01", "10000-01-01", "9999-12-31", "0000-01-01", "0001-01-01", "1969-12-31", "1970-01-01",
            "2024-02-29", "2026-02-29", "1900-02-29", "2000-02-29", "2026-13-01", "2026-00-10", "2026-12-32",
            "2026-W53", "2020-W53", "2026-W00", "2026-W54", "2026-W5", "0000-W01", "9999-W52", "2026-13", "2026-0",
            "2026-11-22T00:00:00Z", "2026-11-22..2026-11-23", "standings", "open", "resolved", "global",
            "weekly-quiz", "x".repeat(64), "x".repeat(65), "x".repeat(129), "x".repeat(2_000), "x".repeat(9_000));

    private FuzzValues() {
    }

    static Arbitrary<String> hostile() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(NASTY)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(24)),
                Tuple.of(2, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(24)),
                Tuple.of(1, Arbitraries.strings().withChars("%zZ0fF2/.;\\+:-W").ofMaxLength(12)),
                Tuple.of(1, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(1, Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(19).negate(),
                        java.math.BigInteger.TEN.pow(40)).map(String::valueOf)),
                Tuple.of(2, dates()),
                Tuple.of(1, weeks()),
                Tuple.of(1, months()));
    }

    /** Day keys over the whole range java.time parses, with impossible months and days. */
    static Arbitrary<String> dates() {
        return net.jqwik.api.Combinators.combine(years(), Arbitraries.integers().between(0, 13),
                Arbitraries.integers().between(0, 32)).as((y, m, d) -> year(y) + String.format(Locale.ROOT,
                "-%02d-%02d", m, d));
    }

    static Arbitrary<String> weeks() {
        return net.jqwik.api.Combinators.combine(years(), Arbitraries.integers().between(0, 99))
                .as((y, w) -> year(y) + String.format(Locale.ROOT, "-W%02d", w));
    }

    static Arbitrary<String> months() {
        return net.jqwik.api.Combinators.combine(years(), Arbitraries.integers().between(0, 13))
                .as((y, m) -> year(y) + String.format(Locale.ROOT, "-%02d", m));
    }

    private static Arbitrary<Integer> years() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(2019, 2031)),
                Tuple.of(2, Arbitraries.of(-999_999_999, -1, 0, 1, 1969, 1970, 9998, 9999, 10_000, 294_276,
                        294_277, 999_999_998, 999_999_999)),
                Tuple.of(1, Arbitraries.integers().between(-999_999_999, 999_999_999)));
    }

    private static String year(int year) {
        if (year > 9999) {
            return "+" + year;
        }
        return year < 0 ? String.format(Locale.ROOT, "-%04d", -year) : String.format(Locale.ROOT, "%04d", year);
    }

    /** Plausible values of a path or query parameter, by its name; hostile values for names not listed. */
    static Arbitrary<String> plausible(String name) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Arbitrary<String>> byName = Map.ofEntries(
                Map.entry("id", Arbitraries.of("global", "global", "weekly-quiz", "fuzz-board", "no-such-board")),
                Map.entry("userId", Arbitraries.of(PLAYERS)),
                Map.entry("projection", Arbitraries.of("standings", "standings", "nope")),
                Map.entry("flagId", Arbitraries.of("00000000-0000-0000-0000-000000000000", "1")),
                Map.entry("tier", Arbitraries.of("gold", "silver")),
                Map.entry("group", Arbitraries.of("liveness", "readiness", "ingress", "db", "nope")),
                Map.entry("metric", Arbitraries.of("jvm.memory.used", "http.server.requests", "nope")),
                Map.entry("tag", Arbitraries.of("area:heap", "nope", "a:b:c")),
                Map.entry("anything", Arbitraries.of("nope", "rankings", "players", "")),
                Map.entry("window", Arbitraries.of("all-time", "daily", "weekly", "monthly", "custom")),
                Map.entry("period", Arbitraries.of(today.toString(), today.minusDays(1).toString(),
                        String.format(Locale.ROOT, "%d-W%02d", today.get(IsoFields.WEEK_BASED_YEAR),
                                today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                        today.toString().substring(0, 7), "all-time")),
                Map.entry("from", Arbitraries.of(today.minusDays(30).toString(), today.toString(),
                        today.minusDays(400).toString())),
                Map.entry("to", Arbitraries.of(today.toString(), today.plusDays(1).toString())),
                Map.entry("offset", Arbitraries.of("0", "0", "3", "100")),
                Map.entry("limit", Arbitraries.of("1", "10", "1000")),
                Map.entry("context", Arbitraries.of("0", "5", "50")),
                Map.entry("top", Arbitraries.of("1", "10", "50")),
                Map.entry("format", Arbitraries.of("csv", "ndjson")),
                Map.entry("status", Arbitraries.of("open", "resolved")),
                Map.entry("segment", Arbitraries.of("eu", "")),
                Map.entry("rankStyle", Arbitraries.of("ordinal", "competition", "dense")),
                Map.entry("access_token", Arbitraries.of("not-a-token")));
        return byName.getOrDefault(name, hostile());
    }

    /** A parameter value: mostly plausible, often hostile. */
    static Arbitrary<String> parameter(String name) {
        return Arbitraries.frequencyOf(Tuple.of(5, plausible(name)), Tuple.of(1, hostile()));
    }
}
