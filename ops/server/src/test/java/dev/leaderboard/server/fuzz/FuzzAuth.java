package dev.leaderboard.server.fuzz;

import dev.leaderboard.server.support.Tokens;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Authorization headers: none, malformed, expired, forged, unsigned, wrong scope, and valid ones of each scope. */
final class FuzzAuth {

    /** @param header the Authorization value, null for none */
    record Auth(String kind, String header) {
        boolean grantsAdmin() {
            return kind.startsWith("admin");
        }
    }

    /** The admin-scoped tokens this class hands out (minted once: a token is the same string for the whole run). */
    static final List<String> ADMIN_TOKENS = List.of(Tokens.admin(), Tokens.withScopes("fz-0", "player admin"));

    private FuzzAuth() {
    }

    /** Often the token the endpoint wants (so requests get past security), otherwise any of {@link #any()}. */
    static Arbitrary<Auth> forAccess(Endpoint.Access access) {
        Arbitrary<Auth> fitting = switch (access) {
            case PUBLIC -> Arbitraries.just(new Auth("none", null));
            case SUBMIT -> Arbitraries.frequencyOf(
                    Tuple.of(3, Arbitraries.of(FuzzValues.PLAYERS).map(p -> new Auth("player", "Bearer " + Tokens.player(p)))),
                    Tuple.of(1, Arbitraries.just(new Auth("service", "Bearer " + Tokens.service("fuzz-service")))));
            case ADMIN -> Arbitraries.just(new Auth("admin", "Bearer " + ADMIN_TOKENS.get(0)));
        };
        return Arbitraries.frequencyOf(Tuple.of(3, fitting), Tuple.of(2, any()));
    }

    static Arbitrary<Auth> any() {
        Arbitrary<String> player = Arbitraries.of(FuzzValues.PLAYERS);
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(new Auth("none", null))),
                Tuple.of(6, player.map(p -> new Auth("player", "Bearer " + Tokens.player(p)))),
                Tuple.of(2, Arbitraries.just(new Auth("service", "Bearer " + Tokens.service("fuzz-service")))),
                Tuple.of(5, Arbitraries.just(new Auth("admin", "Bearer " + ADMIN_TOKENS.get(0)))),
                Tuple.of(1, Arbitraries.just(new Auth("admin+player",
                        "Bearer " + ADMIN_TOKENS.get(1)))),
                Tuple.of(1, player.map(p -> new Auth("expired", "Bearer " + Tokens.expired(p)))),
                Tuple.of(1, player.map(p -> new Auth("other-key", "Bearer " + Tokens.signedWithOtherKey(p)))),
                Tuple.of(1, player.map(p -> new Auth("no-expiry", "Bearer " + Tokens.withoutExpiry(p)))),
                Tuple.of(1, player.map(p -> new Auth("alg-none", "Bearer " + unsigned(p)))),
                Tuple.of(1, player.map(p -> new Auth("wrong-scope", "Bearer " + Tokens.withScopes(p, "reader")))),
                Tuple.of(1, FuzzValues.hostile().map(sub -> new Auth("odd-subject",
                        "Bearer " + Tokens.withScopes(sub, "player")))),
                Tuple.of(1, Headers.text().map(garbage -> new Auth("garbage", "Bearer " + garbage))),
                Tuple.of(1, Arbitraries.of("", "Bearer", "Bearer ", "Bearer  ", "Basic YWxhZGRpbjpvcGVuc2VzYW1l",
                        "bearer " + Tokens.player("fz-1"), "Bearer " + ADMIN_TOKENS.get(0) + " extra",
                        "Bearer " + "a".repeat(10_000), "Bearer a.b.c", "Bearer ..", "Bearer e30.e30.",
                        "Negotiate abc").map(value -> new Auth("malformed", value))));
    }

    /** alg=none: a token nobody signed, which must never be accepted. */
    static String unsigned(String subject) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"sub\":\"" + subject + "\",\"scope\":\"player admin\",\"exp\":"
                + (System.currentTimeMillis() / 1000 + 3600) + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }
}
