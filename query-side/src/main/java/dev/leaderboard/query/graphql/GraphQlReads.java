package dev.leaderboard.query.graphql;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leaderboard.boards.BoardDirectory;
import dev.leaderboard.boards.LeaderboardDefinition;
import dev.leaderboard.query.ReadPool;
import dev.leaderboard.query.rankings.ReadAnswers;
import dev.leaderboard.query.rankings.PageParameters;
import dev.leaderboard.query.rankings.PeriodParameters;
import dev.leaderboard.query.rankings.RankStyleParameter;
import dev.leaderboard.query.results.ResultsController;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The GraphQL queries of the read model. Each one is answered by the same code as its REST route ({@link ReadAnswers}
 * with its validation, limits, Redis-then-PostgreSQL and rendered hot pages; {@link ResultsController} for closed
 * periods), so both APIs give the same answer by construction: the REST body is read back as the field values.
 */
@Controller
public class GraphQlReads {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final BoardDirectory boards;
    private final ReadAnswers answers;
    private final ResultsController results;
    private final ObjectMapper json;

    public GraphQlReads(@Qualifier(ReadPool.BOARDS) BoardDirectory boards, ReadAnswers answers,
                        ResultsController results, ObjectMapper json) {
        this.boards = boards;
        this.answers = answers;
        this.results = results;
        this.json = json;
    }

    @QueryMapping
    public List<LeaderboardDefinition> leaderboards() {
        return boards.all();
    }

    @QueryMapping
    public Map<String, Object> rankings(@Argument String leaderboardId, @Argument String window,
                                        @Argument String period, @Argument String from, @Argument String to,
                                        @Argument String segment, @Argument long offset, @Argument int limit,
                                        @Argument String rankStyle) {
        return fields(answers.rankings(leaderboardId, window, period, from, to, segment, offset, limit, rankStyle,
                null));
    }

    @QueryMapping
    public Map<String, Object> player(@Argument String leaderboardId, @Argument String userId,
                                      @Argument String window, @Argument String period, @Argument String from,
                                      @Argument String to, @Argument String segment, @Argument int context,
                                      @Argument String rankStyle) {
        return fields(answers.player(leaderboardId, userId, window, period, from, to, segment, context, rankStyle,
                null));
    }

    @QueryMapping
    public Map<String, Object> tiers(@Argument String leaderboardId, @Argument String window, @Argument String period,
                                     @Argument String from, @Argument String to, @Argument String segment) {
        return fields(answers.tiers(leaderboardId, window, period, from, to, segment, null, null));
    }

    @QueryMapping
    public Map<String, Object> tierPlayers(@Argument String leaderboardId, @Argument String tier,
                                           @Argument String window, @Argument String period, @Argument String from,
                                           @Argument String to, @Argument String segment, @Argument long offset,
                                           @Argument int limit, @Argument String rankStyle) {
        return fields(answers.tierPlayers(leaderboardId, tier, window, period, from, to, segment, offset, limit,
                rankStyle, null));
    }

    @QueryMapping
    public Map<String, Object> results(@Argument String leaderboardId, @Argument String window,
                                       @Argument String period, @Argument String segment, @Argument long offset,
                                       @Argument int limit, @Argument String rankStyle) {
        return json.convertValue(results.results(leaderboardId, new PeriodParameters(window, period, segment),
                new PageParameters(offset, limit), new RankStyleParameter(rankStyle), null).getBody(), OBJECT);
    }

    private Map<String, Object> fields(ReadAnswers.Answer answer) {
        try {
            return json.readValue(answer.body(), OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
