package dev.leaderboard.query.rankings;

import dev.leaderboard.boards.BoardDirectory;
import dev.leaderboard.boards.LeaderboardDefinition;
import dev.leaderboard.query.QueryProperties;
import dev.leaderboard.query.ReadPool;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The read API. Plain requests of the rankings and player routes are usually answered by {@link HotReadsFilter}
 * before they reach this controller; everything else (unusual parameters or headers, every refusal) comes here.
 */
@RestController
@RequestMapping(path = "/api/v1/leaderboards", produces = MediaType.APPLICATION_JSON_VALUE)
public class RankingsController {

    private final BoardDirectory boards;
    private final ReadAnswers answers;
    private final CacheControl cacheControl;

    public RankingsController(@Qualifier(ReadPool.BOARDS) BoardDirectory boards, ReadAnswers answers,
                              QueryProperties properties) {
        this.boards = boards;
        this.answers = answers;
        this.cacheControl = CacheControl.maxAge(properties.httpMaxAge());
    }

    @GetMapping
    public List<LeaderboardDefinition> leaderboards() {
        return boards.all();
    }

    @GetMapping("/{id}/rankings")
    public ResponseEntity<byte[]> rankings(@PathVariable String id, @ParameterObject SliceParameters slice,
                                           @ParameterObject PageParameters page,
                                           @ParameterObject RankStyleParameter style,
                                           @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                                           String ifNoneMatch) {
        return response(answers.rankings(id, slice.window(), slice.period(), slice.from(), slice.to(),
                slice.segment(), page.offset(), page.limit(), style.rankStyle(), ifNoneMatch));
    }

    @GetMapping("/{id}/players/{userId}")
    public ResponseEntity<byte[]> player(@PathVariable String id, @PathVariable String userId,
                                         @ParameterObject SliceParameters slice,
                                         @RequestParam(defaultValue = "5") int context,
                                         @ParameterObject RankStyleParameter style,
                                         @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                                         String ifNoneMatch) {
        return response(answers.player(id, userId, slice.window(), slice.period(), slice.from(), slice.to(),
                slice.segment(), context, style.rankStyle(), ifNoneMatch));
    }

    @GetMapping("/{id}/tiers")
    public ResponseEntity<byte[]> tiers(@PathVariable String id, @ParameterObject SliceParameters slice,
                                        @ParameterObject RankStyleParameter style,
                                        @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                                        String ifNoneMatch) {
        return response(answers.tiers(id, slice.window(), slice.period(), slice.from(), slice.to(), slice.segment(),
                style.rankStyle(), ifNoneMatch));
    }

    @GetMapping("/{id}/tiers/{tier}/players")
    public ResponseEntity<byte[]> tierPlayers(@PathVariable String id, @PathVariable String tier,
                                              @ParameterObject SliceParameters slice,
                                              @ParameterObject PageParameters page,
                                              @ParameterObject RankStyleParameter style,
                                              @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                                              String ifNoneMatch) {
        return response(answers.tierPlayers(id, tier, slice.window(), slice.period(), slice.from(), slice.to(),
                slice.segment(), page.offset(), page.limit(), style.rankStyle(), ifNoneMatch));
    }

    private ResponseEntity<byte[]> response(ReadAnswers.Answer answer) {
        if (answer.notModified()) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(answer.etag()).cacheControl(cacheControl)
                    .build();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).eTag(answer.etag())
                .cacheControl(cacheControl).body(answer.body());
    }
}
