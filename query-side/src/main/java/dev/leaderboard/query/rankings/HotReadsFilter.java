package dev.leaderboard.query.rankings;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Answers the plain requests of the two hottest routes, {@code GET .../{id}/rankings} and
 * {@code GET .../{id}/players/{userId}}, with the same {@link ReadAnswers} as {@link RankingsController} but without
 * Spring MVC's dispatch, argument resolution and content negotiation, which cost more than the read itself when the
 * page is cached (profiled with ops/bench/run-reads). Runs after every other filter (request id, security headers,
 * CORS, limits, the HTTP metrics). Anything it does not recognise as plain (other routes, encoded characters, an
 * unknown or repeated parameter such as {@code rankStyle}, a number that does not parse, an Accept other than JSON,
 * or any refusal) goes on to the controller, which answers it as before: the contract and every problem response
 * stay Spring MVC's.
 */
public class HotReadsFilter extends OncePerRequestFilter {

    private static final String PREFIX = "/api/v1/leaderboards/";
    private static final String RANKINGS_PATTERN = "/api/v1/leaderboards/{id}/rankings";
    private static final String PLAYER_PATTERN = "/api/v1/leaderboards/{id}/players/{userId}";
    private static final Set<String> RANKINGS_PARAMETERS = Set.of("window", "period", "from", "to", "segment",
            "offset", "limit");
    private static final Set<String> PLAYER_PARAMETERS = Set.of("window", "period", "from", "to", "segment",
            "context");

    private final ReadAnswers answers;
    private final String cacheControl;

    public HotReadsFilter(ReadAnswers answers, String cacheControl) {
        this.answers = answers;
        this.cacheControl = cacheControl;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !request.getRequestURI().startsWith(PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ReadAnswers.Answer answer = plainAnswer(request);
        if (answer == null) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.ETAG, answer.etag());
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        if (answer.notModified()) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            return;
        }
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    /** The answer, or null when the request is not plain or is refused (the controller then answers it). */
    private ReadAnswers.Answer plainAnswer(HttpServletRequest request) {
        if (!acceptsJson(request.getHeader(HttpHeaders.ACCEPT))) {
            return null;
        }
        String[] path = request.getRequestURI().substring(PREFIX.length()).split("/", -1);
        boolean rankings = path.length == 2 && path[1].equals("rankings");
        boolean player = path.length == 3 && path[1].equals("players");
        if ((!rankings && !player) || !plain(path[0]) || (player && !plain(path[2]))) {
            return null;
        }
        Map<String, String> parameters = parameters(request.getQueryString(),
                rankings ? RANKINGS_PARAMETERS : PLAYER_PARAMETERS);
        if (parameters == null) {
            return null;
        }
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        try {
            ReadAnswers.Answer answer = rankings
                    ? answers.rankings(path[0], parameters.get("window"), parameters.get("period"),
                    parameters.get("from"), parameters.get("to"), parameters.get("segment"),
                    Long.parseLong(parameters.getOrDefault("offset", "0")),
                    Integer.parseInt(parameters.getOrDefault("limit", "10")), null, ifNoneMatch)
                    : answers.player(path[0], path[2], parameters.get("window"), parameters.get("period"),
                    parameters.get("from"), parameters.get("to"), parameters.get("segment"),
                    Integer.parseInt(parameters.getOrDefault("context", "5")), null, ifNoneMatch);
            ServerHttpObservationFilter.findObservationContext(request).ifPresent(context ->
                    context.setPathPattern(rankings ? RANKINGS_PATTERN : PLAYER_PATTERN));
            return answer;
        } catch (RuntimeException refusedOrUnparsable) {
            return null;
        }
    }

    /** Absent, {@code *}/{@code *} or exactly JSON: what the benchmark, browsers' fetch and most clients send. */
    private static boolean acceptsJson(String accept) {
        return accept == null || accept.equals("*/*") || accept.equals(MediaType.APPLICATION_JSON_VALUE);
    }

    /** Non-empty, and no character that Spring MVC would decode or treat specially. */
    private static boolean plain(String segment) {
        if (segment.isEmpty()) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /** The query's parameters when every one is known, given once, with a plain non-empty value; else null. */
    private static Map<String, String> parameters(String query, Set<String> known) {
        Map<String, String> parameters = new HashMap<>(8);
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                return null;
            }
            String name = pair.substring(0, equals);
            String value = pair.substring(equals + 1);
            if (!known.contains(name) || !plain(value) || parameters.put(name, value) != null) {
                return null;
            }
        }
        return parameters;
    }
}
