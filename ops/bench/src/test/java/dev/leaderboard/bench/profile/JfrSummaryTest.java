package dev.leaderboard.bench.profile;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JfrSummaryTest {

    @Test
    void aSampleIsChargedToTheTopmostFrameOfAKnownComponent() {
        assertThat(JfrSummary.component("http-nio-8080-exec-3", List.of("java.util.HashMap",
                "com.fasterxml.jackson.databind.ObjectMapper", "org.springframework.web.servlet.DispatcherServlet",
                "org.apache.tomcat.util.net.NioEndpoint"))).isEqualTo("JSON (Jackson)");
        assertThat(JfrSummary.component("http-nio-8080-exec-3", List.of("sun.security.provider.SHA2",
                "com.nimbusds.jose.crypto.MACVerifier", "org.springframework.security.web.FilterChainProxy")))
                .isEqualTo("security/JWT");
        assertThat(JfrSummary.component("command-batcher-0", List.of("sun.nio.ch.SocketDispatcher",
                "org.postgresql.core.PGStream", "org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine")))
                .startsWith("JDBC");
        assertThat(JfrSummary.component("http-nio-1-exec-1", List.of("java.lang.String",
                "org.apache.coyote.http11.Http11Processor"))).startsWith("HTTP");
        assertThat(JfrSummary.component("main", List.of("java.lang.Object"))).isEqualTo(JfrSummary.JDK_OTHER);
    }

    @Test
    void everythingOnTheProjectionsThreadsIsTheProjection() {
        assertThat(JfrSummary.component("standings-worker-1", List.of("org.postgresql.core.PGStream")))
                .isEqualTo(JfrSummary.PROJECTION);
        assertThat(JfrSummary.component("Coordinator[standings]-0", List.of("org.axonframework.X")))
                .isEqualTo(JfrSummary.PROJECTION);
    }

    @Test
    void threadsAreGroupedWithoutTheirNumbers() {
        assertThat(JfrSummary.threadGroup("http-nio-127.0.0.1-39121-exec-12")).isEqualTo("http-nio-*.*.*.*-*-exec-*");
        assertThat(JfrSummary.threadGroup("command-batcher-1")).isEqualTo("command-batcher-*");
    }
}
