package dev.leaderboard.command.actions;

import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RequestMetadataTest {

    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/actions");

    @ParameterizedTest
    @ValueSource(strings = {"req-42", "7f0c2a4e-1b9d-4c1e-9a57-3f0b6c2d8e11", "trace:abc.DEF_1"})
    void wellFormedRequestIdIsKept(String requestId) {
        request.addHeader("X-Request-Id", requestId);

        assertThat(RequestMetadata.requestId(request)).isEqualTo(requestId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "new\nline", "<script>", "quote\"d", "ümlaut"})
    void unsafeRequestIdIsReplacedByAFreshUuid(String requestId) {
        request.addHeader("X-Request-Id", requestId);

        String used = RequestMetadata.requestId(request);

        assertThat(used).isNotEqualTo(requestId);
        assertThat(UUID.fromString(used).toString()).isEqualTo(used);
    }

    @Test
    void overlongRequestIdIsReplaced() {
        String tooLong = "a".repeat(129);
        request.addHeader("X-Request-Id", tooLong);

        assertThat(RequestMetadata.requestId(request)).isNotEqualTo(tooLong).hasSize(36);
    }

    @Test
    void missingRequestIdGetsAFreshUuidEachTime() {
        String first = RequestMetadata.requestId(request);
        String second = RequestMetadata.requestId(request);

        assertThat(UUID.fromString(first).toString()).isEqualTo(first);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void metadataRecordsWhereTheCommandCameFrom() {
        request.setRemoteAddr("203.0.113.7");
        request.addHeader("User-Agent", "quiz-app/1.0");

        MetaData metaData = RequestMetadata.of(request, "req-42", "alice");

        assertThat(metaData).containsEntry(RequestMetadata.CLIENT_IP, "203.0.113.7")
                .containsEntry(RequestMetadata.USER_AGENT, "quiz-app/1.0")
                .containsEntry(RequestMetadata.REQUEST_ID, "req-42")
                .containsEntry(RequestMetadata.SUBMITTED_BY, "alice");
    }

    @Test
    void longUserAgentIsCutTo512Characters() {
        request.addHeader("User-Agent", "x".repeat(2000));

        assertThat((String) RequestMetadata.of(request, "req-42", "alice").get(RequestMetadata.USER_AGENT))
                .hasSize(512);
    }

    @Test
    void missingUserAgentIsLeftOut() {
        assertThat(RequestMetadata.of(request, "req-42", "alice")).doesNotContainKey(RequestMetadata.USER_AGENT);
    }

    @Test
    void theCurrentTraceIdIsRecordedWhileTracingIsOn() {
        org.slf4j.MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        try {
            assertThat(RequestMetadata.of(request, "req-42", "alice"))
                    .containsEntry(RequestMetadata.TRACE_ID, "4bf92f3577b34da6a3ce929d0e0e4736");
        } finally {
            org.slf4j.MDC.remove("traceId");
        }
        assertThat(RequestMetadata.of(request, "req-42", "alice")).doesNotContainKey(RequestMetadata.TRACE_ID);
    }

    @Test
    void theCurrentSpanIdIsRecordedWithItsTraceId() {
        org.slf4j.MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        org.slf4j.MDC.put("spanId", "00f067aa0ba902b7");
        try {
            assertThat(RequestMetadata.of(request, "req-42", "alice"))
                    .containsEntry(RequestMetadata.SPAN_ID, "00f067aa0ba902b7");
            org.slf4j.MDC.put("spanId", "not-a-span");
            assertThat(RequestMetadata.of(request, "req-42", "alice")).doesNotContainKey(RequestMetadata.SPAN_ID);
        } finally {
            org.slf4j.MDC.remove("traceId");
            org.slf4j.MDC.remove("spanId");
        }
    }
}
