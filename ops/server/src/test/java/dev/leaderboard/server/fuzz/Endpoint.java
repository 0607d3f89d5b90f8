package dev.leaderboard.server.fuzz;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One operation of the API as the fuzzer sees it: method, path template ({@code {name}} marks a path parameter),
 * query parameters and JSON body fields by name (values are generated per name, see {@link FuzzValues}), who may
 * call it, and what the fuzzer must take care of.
 */
public record Endpoint(String name, String method, String path, List<String> query, List<String> bodyFields,
                       Access access, Set<Trait> traits) {

    public enum Access { PUBLIC, SUBMIT, ADMIN }

    public enum Trait {
        /** text/event-stream once open: read the first event and hang up. */
        STREAM,
        /** The successful call is heavy (a replay, a restore): documents why FuzzRequests never generates it. */
        NO_SUCCESS,
        /** Takes a JSON body. */
        JSON_BODY
    }

    static Endpoint get(String name, String path, String... query) {
        return new Endpoint(name, "GET", path, List.of(query), List.of(), Access.PUBLIC, EnumSet.noneOf(Trait.class));
    }

    static Endpoint post(String name, String path, String... query) {
        return new Endpoint(name, "POST", path, List.of(query), List.of(), Access.PUBLIC, EnumSet.noneOf(Trait.class));
    }

    static Endpoint put(String name, String path) {
        return new Endpoint(name, "PUT", path, List.of(), List.of(), Access.PUBLIC, EnumSet.noneOf(Trait.class));
    }

    static Endpoint delete(String name, String path) {
        return new Endpoint(name, "DELETE", path, List.of(), List.of(), Access.PUBLIC, EnumSet.noneOf(Trait.class));
    }

    Endpoint body(String... fields) {
        Set<Trait> withBody = EnumSet.of(Trait.JSON_BODY);
        withBody.addAll(traits);
        return new Endpoint(name, method, path, query, List.of(fields), access, withBody);
    }

    Endpoint admin() {
        return new Endpoint(name, method, path, query, bodyFields, Access.ADMIN, traits);
    }

    Endpoint submit() {
        return new Endpoint(name, method, path, query, bodyFields, Access.SUBMIT, traits);
    }

    Endpoint with(Trait trait) {
        Set<Trait> more = traits.isEmpty() ? EnumSet.noneOf(Trait.class) : EnumSet.copyOf(traits);
        more.add(trait);
        return new Endpoint(name, method, path, query, bodyFields, access, more);
    }

    boolean has(Trait trait) {
        return traits.contains(trait);
    }

    /** The names of the path parameters, in order. */
    List<String> pathParameters() {
        return java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path).results().map(m -> m.group(1)).toList();
    }
}
