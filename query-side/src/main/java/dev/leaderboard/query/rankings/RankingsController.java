package dev.leaderboard.query.rankings;

import dev.leaderboard.boards.BoardDirectory;
import dev.leaderboard.boards.LeaderboardDefinition;
import dev.leaderboard.query.ReadPool;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping(path = "/api/v1/leaderboards", produces = MediaType.APPLICATION_JSON_VALUE)
public class RankingsController {

    static final String USER_ID = "[A-Za-z0-9._-]{1,64}";
    private static final int MAX_LIMIT = 1000;
    private static final int MAX_CONTEXT = 50;

    private final BoardDirectory boards;
    private final SliceParser slices;
    private final Rankings rankings;

    public RankingsController(@Qualifier(ReadPool.BOARDS) BoardDirectory boards, SliceParser slices,
                              Rankings rankings) {
        this.boards = boards;
        this.slices = slices;
        this.rankings = rankings;
    }

    @GetMapping
    public List<LeaderboardDefinition> leaderboards() {
        return boards.all();
    }

    @GetMapping("/{id}/rankings")
    public RankingsResponse rankings(@PathVariable String id,
                                     @RequestParam(required = false) String window,
                                     @RequestParam(required = false) String period,
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(defaultValue = "0") long offset,
                                     @RequestParam(defaultValue = "10") int limit) {
        if (offset < 0) {
            throw new InvalidQueryException("offset must be 0 or more, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        Slice slice = slices.parse(id, window, period, from, to);
        return RankingsResponse.of(slice, offset, limit, rankings.page(slice, offset, limit));
    }

    @GetMapping("/{id}/players/{userId}")
    public PlayerResponse player(@PathVariable String id, @PathVariable String userId,
                                 @RequestParam(required = false) String window,
                                 @RequestParam(required = false) String period,
                                 @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to,
                                 @RequestParam(defaultValue = "5") int context) {
        if (!userId.matches(USER_ID)) {
            throw new InvalidQueryException("userId must be 1-64 of [A-Za-z0-9._-]");
        }
        if (context < 0 || context > MAX_CONTEXT) {
            throw new InvalidQueryException("context must be 0.." + MAX_CONTEXT + ", was " + context);
        }
        Slice slice = slices.parse(id, window, period, from, to);
        PlayerPosition position = rankings.position(slice, userId, context).orElseThrow(() ->
                new NotFoundException("player '" + userId + "' has no score in " + slice.window() + " "
                        + slice.view().key() + " of leaderboard '" + id + "'"));
        return PlayerResponse.of(slice, userId, position);
    }
}
