package dev.leaderboard.bench.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JfrSummaryTest {

    private static String component(String thread, String... frames) {
        return JfrSummary.component(thread, List.of(frames));
    }

    @Test
    void aSampleIsChargedToTheTopmostFrameOfAKnownComponent() {
        assertThat(component("http-nio-8080-exec-3", "java.util.HashMap", "com.fasterxml.jackson.databind.ObjectMapper",
                "org.springframework.web.servlet.DispatcherServlet")).isEqualTo("JSON (Jackson)");
        assertThat(component("http-nio-8080-exec-3", "sun.security.provider.SHA2",
                "com.nimbusds.jose.crypto.MACVerifier")).isEqualTo("security/JWT");
        assertThat(component("command-batcher-0", "sun.nio.ch.SocketDispatcher", "org.postgresql.core.PGStream",
                "org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine")).startsWith("JDBC");
        assertThat(component("http-nio-1-exec-1", "java.lang.String", "org.apache.coyote.http11.Http11Processor"))
                .startsWith("HTTP");
        assertThat(component("main", "java.lang.Object")).isEqualTo(JfrSummary.JDK_OTHER);
    }

    @Test
    void everythingOnTheProjectionsThreadsIsTheProjection() {
        assertThat(component("standings-worker-1", "org.postgresql.core.PGStream")).isEqualTo(JfrSummary.PROJECTION);
        assertThat(component("Coordinator[standings]-0", "org.axonframework.X")).isEqualTo(JfrSummary.PROJECTION);
    }

    @Test
    void threadsAreGroupedWithoutTheirNumbers() {
        assertThat(JfrSummary.threadGroup("command-batcher-1")).isEqualTo("command-batcher-*");
        assertThat(JfrSummary.threadGroup("http-nio-43511-exec-12")).isEqualTo("http-nio-*-exec-*");
    }
}
