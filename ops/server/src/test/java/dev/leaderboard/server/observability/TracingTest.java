package dev.leaderboard.server.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.leaderboard.projections.standings.TracedRedisWrites;
import dev.leaderboard.server.support.Api;
import dev.leaderboard.server.support.ServerInstance;
import dev.leaderboard.server.support.TestPostgres;
import dev.leaderboard.server.support.TestRedis;
import dev.leaderboard.server.support.Tokens;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tracing on ({@code management.tracing.enabled=true}): a traced request's trace id is continued by the server,
 * stored with the events it produced, and its spans are exported over OTLP/HTTP (to a collector stub on 127.0.0.1),
 * and to an in-memory exporter the test reads; the projection's Redis write of the events is a span linked to the
 * request's.
 */
class TracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final List<byte[]> EXPORTED = new CopyOnWriteArrayList<>();
    private static final List<SpanData> SPANS = new CopyOnWriteArrayList<>();
    private static HttpServer collector;
    private static ServerInstance server;

    @BeforeAll
    static void start() throws IOException {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                EXPORTED.add(body.readAllBytes());
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        server = ServerInstance.start(TestPostgres.newDatabaseUrl(), TestRedis.shared().port(), null,
                context -> context.getBeanFactory().registerSingleton("capturingSpanExporter", new Capturing()),
                "management.tracing.enabled=true",
                "management.otlp.tracing.endpoint=http://127.0.0.1:" + collector.getAddress().getPort()
                        + "/v1/traces");
    }

    @AfterAll
    static void stop() {
        server.close();
        collector.stop(0);
    }

    @Test
    void aTracedActionKeepsItsTraceIdInTheAuditTrailAndItsSpansAreExported() {
        Api api = server.api();
        assertThat(submitTraced("tracy", "t-1", "00-" + TRACE_ID + "-00f067aa0ba902b7-01").status()).isEqualTo(202);

        JsonNode history = api.get("/api/v1/admin/players/tracy/history", Tokens.admin()).json();
        assertThat(history.get(0).path("traceId").asText()).isEqualTo(TRACE_ID);

        byte[] traceIdBytes = HexFormat.of().parseHex(TRACE_ID);
        await().atMost(Duration.ofSeconds(30)).until(() -> EXPORTED.stream().anyMatch(b -> contains(b, traceIdBytes)));
    }

    @Test
    void anUntracedActionGetsATraceOfItsOwn() {
        Api api = server.api();
        assertThat(api.submitAction(Tokens.player("untraced"), "u-1", "level-up").status()).isEqualTo(202);

        String traceId = api.get("/api/v1/admin/players/untraced/history", Tokens.admin()).json().get(0)
                .path("traceId").asText();
        assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo(TRACE_ID);
    }

    @Test
    void theProjectionsRedisWriteOfAnActionIsASpanLinkedToTheActionsRequest() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        assertThat(submitTraced("linda", "l-1", "00-" + traceId + "-b7ad6b7169203331-01").status()).isEqualTo(202);

        SpanData write = await().atMost(Duration.ofSeconds(30)).until(() -> SPANS.stream()
                .filter(span -> span.getName().equals(TracedRedisWrites.SPAN_NAME))
                .filter(span -> linkTo(span, traceId).isPresent()).findFirst(), Optional::isPresent).orElseThrow();
        LinkData link = linkTo(write, traceId).orElseThrow();

        // The link points at a span of the action's request (the one that submitted it), not at the client's.
        assertThat(link.getSpanContext().getSpanId()).isNotEqualTo("b7ad6b7169203331");
        await().atMost(Duration.ofSeconds(30)).until(() -> SPANS.stream().anyMatch(span ->
                span.getTraceId().equals(traceId) && span.getSpanId().equals(link.getSpanContext().getSpanId())));
        // A batch of this one trace's events is also a child in that trace.
        assertThat(write.getTraceId().equals(traceId) || write.getLinks().size() > 1)
                .as("in the action's trace unless the batch mixed traces").isTrue();
        // The write happened after the request's span that submitted it (the event is only projected once stored).
        SpanData submitter = SPANS.stream().filter(span -> span.getSpanId().equals(link.getSpanContext().getSpanId()))
                .findFirst().orElseThrow();
        assertThat(write.getStartEpochNanos()).isGreaterThan(submitter.getStartEpochNanos());
    }

    private static Optional<LinkData> linkTo(SpanData span, String traceId) {
        return span.getLinks().stream().filter(link -> link.getSpanContext().getTraceId().equals(traceId)).findFirst();
    }

    /** Keeps every exported span in {@link #SPANS}; the server's span processor finds it as a SpanExporter bean. */
    private static final class Capturing implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            SPANS.addAll(spans);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static Api.Response submitTraced(String player, String actionId, String traceparent) {
        Api api = server.api();
        return api.send(api.request("/api/v1/actions", Tokens.player(player))
                .header("Content-Type", "application/json")
                .header("traceparent", traceparent)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"actionId\":\"" + actionId + "\",\"type\":\"level-up\"}")));
    }
}
