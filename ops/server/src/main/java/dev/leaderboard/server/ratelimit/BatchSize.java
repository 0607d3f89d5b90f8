package dev.leaderboard.server.ratelimit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * How many actions a batch body holds, read with a streaming parser before the controller binds it, so a batch can
 * take one token per action. Anything that is not a well-formed {@code {"actions":[…]}} counts as 1: the controller
 * rejects it whole. A repeated {@code actions} field counts as its largest occurrence, so no body can bind to more
 * actions than were paid for.
 */
final class BatchSize {

    private static final JsonFactory JSON = new JsonFactory();

    private BatchSize() {
    }

    static long of(byte[] body) {
        long largest = 0;
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return 1;
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                boolean actions = "actions".equals(parser.currentName());
                JsonToken value = parser.nextToken();
                if (actions && value == JsonToken.START_ARRAY) {
                    long count = 0;
                    for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                        if (item == null) {
                            break;
                        }
                        largest = Math.max(largest, ++count);
                        parser.skipChildren();
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            // malformed: the controller answers 400; still charge what was seen, never less
        }
        return Math.max(1, largest);
    }
}
