package dev.leaderboard.query.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

import java.io.IOException;

/**
 * Reads GraphQL-over-HTTP bodies with the application's JSON settings, and refuses a body that is the JSON literal
 * {@code null}: Spring for GraphQL would take it for a request and fail on it with a 500 (found by the fuzzer).
 */
final class GraphQlRequestReader extends MappingJackson2HttpMessageConverter {

    GraphQlRequestReader(ObjectMapper json) {
        super(json);
    }

    @Override
    protected Object readInternal(Class<?> type, HttpInputMessage input) throws IOException {
        Object body = super.readInternal(type, input);
        if (body == null) {
            throw new HttpMessageNotReadableException("the body must be a JSON object with a 'query'", input);
        }
        return body;
    }
}
