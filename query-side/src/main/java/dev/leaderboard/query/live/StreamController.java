package dev.leaderboard.query.live;

import dev.leaderboard.query.rankings.InvalidQueryException;
import dev.leaderboard.query.rankings.Slice;
import dev.leaderboard.query.rankings.SliceParser;
import dev.leaderboard.windows.TimeWindow;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * {@code GET /api/v1/leaderboards/{id}/stream}: the top N of the current period, once at connect and then whenever
 * it changes. A {@code Last-Event-ID} from a reconnecting client is accepted; it gets the current state. Streams are
 * capped per client address and per instance ({@link StreamProperties}); a refused stream gets a problem, not a
 * stream.
 */
@RestController
public class StreamController {

    private final SliceParser slices;
    private final LiveStreams streams;
    private final StreamProperties properties;

    public StreamController(SliceParser slices, LiveStreams streams, StreamProperties properties) {
        this.slices = slices;
        this.streams = streams;
        this.properties = properties;
    }

    @GetMapping(path = "/api/v1/leaderboards/{id}/stream",
            produces = {MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public void stream(@PathVariable String id,
                       @RequestParam(required = false) String window,
                       @RequestParam(required = false) String segment,
                       @RequestParam(defaultValue = "10") int top,
                       HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (top < 1 || top > properties.maxTop()) {
            throw new InvalidQueryException("top must be 1.." + properties.maxTop() + ", was " + top);
        }
        if (Slice.OfRange.WINDOW.equals(window)) {
            throw new InvalidQueryException("custom ranges have no live stream; use all-time, daily, weekly or monthly");
        }
        Slice.OfPeriod slice = (Slice.OfPeriod) slices.parse(id, window, null, null, null, segment);
        TimeWindow timeWindow = slice.timeWindow();
        // The peer address, or the forwarded client's when server.forward-headers-strategy trusts a proxy.
        streams.open(slice.leaderboardId(), timeWindow, top, request.getRemoteAddr(), request, response);
    }
}
