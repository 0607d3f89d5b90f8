package dev.leaderboard.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON shape of everything stored forever (events, metadata, snapshots, tokens). It is deliberately independent
 * of Spring's {@code spring.jackson.*} settings, which are tuned for the HTTP API and must never change stored bytes.
 */
public final class StoredJson {

    private StoredJson() {
    }

    public static ObjectMapper newObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // Old readers must tolerate fields added by newer revisions (additive evolution needs no upcaster).
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
