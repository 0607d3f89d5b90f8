package dev.leaderboard.query.rankings;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code POST /api/v1/leaderboards/{id}/rankings/subset}: given players (friends, a team) with their ranks on the
 * board and among themselves. A read like the others, although it is a POST: up to {@link #MAX_USER_IDS} ids do not
 * fit a URL.
 */
@RestController
public class SubsetController {

    static final int MAX_USER_IDS = 1_000;

    /** @param userIds the players asked for; repeated ids count once */
    public record SubsetRequest(List<String> userIds) {
    }

    private final SliceParser slices;
    private final Rankings rankings;

    public SubsetController(SliceParser slices, Rankings rankings) {
        this.slices = slices;
        this.rankings = rankings;
    }

    @PostMapping(path = "/api/v1/leaderboards/{id}/rankings/subset", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public SubsetResponse subset(@PathVariable String id, @ParameterObject PeriodParameters board,
                                 @RequestBody SubsetRequest request) {
        List<String> userIds = distinctValidIds(request);
        Slice slice = slices.parse(id, board.window(), board.period(), null, null, board.segment());
        if (!(slice instanceof Slice.OfPeriod ofPeriod)) {
            throw new InvalidQueryException("custom ranges have no subset ranks; use all-time, daily, weekly or "
                    + "monthly");
        }
        return SubsetResponse.of(slice, rankings.subset(ofPeriod, userIds));
    }

    private static List<String> distinctValidIds(SubsetRequest request) {
        if (request == null || request.userIds() == null || request.userIds().isEmpty()) {
            throw new InvalidQueryException("userIds must list 1 to " + MAX_USER_IDS + " user ids");
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String userId : request.userIds()) {
            ReadAnswers.requireUserId(userId);
            distinct.add(userId);
        }
        if (distinct.size() > MAX_USER_IDS) {
            throw new InvalidQueryException("userIds must list 1 to " + MAX_USER_IDS + " user ids, was "
                    + distinct.size());
        }
        return List.copyOf(distinct);
    }
}
