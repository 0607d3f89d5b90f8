package dev.leaderboard.bench.server;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServerProcessTest {

    private static final ServerPorts ASKED = new ServerPorts(8080, 15432, 16379, 19092);

    @Test
    void theEmbeddedServersAreReadFromTheLatestStartsLogLine() {
        List<String> log = List.of(
                "02:35:08.383 INFO  dev.leaderboard.local.LocalLauncher - Embedded PostgreSQL on 1, Redis on 2, "
                        + "Kafka on localhost:3; data in /tmp/a",
                "restart",
                "02:40:08.383 INFO  dev.leaderboard.local.LocalLauncher - Embedded PostgreSQL on 44063, Redis on "
                        + "33617, Kafka on localhost:43563; data in /tmp/leaderboard-bench-jdbc-1");

        ServerProcess.EmbeddedServers servers = ServerProcess.embeddedServers(log, ASKED);

        assertThat(servers).isEqualTo(new ServerProcess.EmbeddedServers(44063, 33617, "localhost:43563"));
    }

    @Test
    void withoutTheLineThePortsAskedForAreAssumed() {
        assertThat(ServerProcess.embeddedServers(List.of("nothing"), ASKED))
                .isEqualTo(new ServerProcess.EmbeddedServers(15432, 16379, "127.0.0.1:19092"));
        assertThat(ServerProcess.embeddedServers(List.of("Embedded PostgreSQL on 5, Redis on 6; data in x"), ASKED)
                .kafkaBootstrap()).isEqualTo("127.0.0.1:19092");
    }
}
