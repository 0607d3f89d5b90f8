package dev.leaderboard.bench.write;

import dev.leaderboard.bench.BenchMain;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class WriteOptionsTest {

    private final StringWriter err = new StringWriter();

    /** Runs the command line; every case here must be refused before a server starts. */
    private int execute(String... args) {
        return BenchMain.commandLine().setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        var single = (WriteCommands.RestSingle) BenchMain.commandLine().parseArgs("rest-single").subcommand()
                .commandSpec().userObject();
        var batch = (WriteCommands.RestBatch) BenchMain.commandLine().parseArgs("rest-batch").subcommand()
                .commandSpec().userObject();
        var kafka = (Kafka) BenchMain.commandLine().parseArgs("kafka").subcommand().commandSpec().userObject();
        assertThat(single.clients).isEqualTo(16);
        assertThat(batch.size).isEqualTo(100);
        assertThat(batch.clients).isEqualTo(4);
        assertThat(kafka.actions).isEqualTo(1_000_000);
        assertThat(kafka.kafkaPlayers).isEqualTo(100_000);
        assertThat(kafka.processes).isEqualTo(1);
        assertThat(kafka.warmup).isEqualTo(10);
        assertThat(kafka.duration).isEqualTo(30);
    }

    @Test
    void badValuesAreUsageErrorsBeforeAnythingStarts() {
        assertThat(execute("rest-single", "--duration", "0")).isEqualTo(2);
        assertThat(execute("rest-batch", "--batch-size", "1001")).isEqualTo(2);
        assertThat(execute("kafka", "--processes", "3")).isEqualTo(2);
        assertThat(execute("kafka", "--kafka-actions", "zero")).isEqualTo(2);
        assertThat(execute("rest-single", "--server-arg", "no-value")).isEqualTo(2);
        assertThat(execute("hot-player", "--probe-requests", "0")).isEqualTo(2);
        assertThat(execute("reads", "--write-via", "carrier-pigeon")).isEqualTo(2);
        assertThat(execute("sse", "--streams", "-5")).isEqualTo(2);
        assertThat(execute("lag", "--rate", "0")).isEqualTo(2);
        assertThat(execute("rest-single", "--url", "http://127.0.0.1:1")).isEqualTo(2);

        assertThat(err.toString()).contains("--duration", "--batch-size", "--processes", "zero", "KEY=VALUE",
                "--probe-requests", "carrier-pigeon", "must be at least 1, not -5", "--rate",
                "Unknown options: '--url'");
    }

    @Test
    void theRootHelpListsEveryScenario() {
        StringWriter out = new StringWriter();
        BenchMain.commandLine().setOut(new PrintWriter(out)).execute("--help");

        assertThat(out.toString()).contains("rest-single", "rest-batch", "kafka", "hot-player", "reads",
                "sse", "export", "close", "catch-up", "lag");
    }

    @Test
    void serverArgumentsBecomeSpringArgumentsAfterTheBenchDefaults() {
        CommandLine.ParseResult parsed = BenchMain.commandLine().parseArgs("kafka", "--kafka-processes", "2",
                "--server-arg", "leaderboard.commands.batching.linger=2ms");
        var kafka = (Kafka) parsed.subcommand().commandSpec().userObject();

        assertThat(kafka.processes).isEqualTo(2);
        assertThat(kafka.springArguments()).containsExactly(
                "--leaderboard.rate-limits.enabled=false", Kafka.CONSUMER_PAUSED,
                "--leaderboard.commands.batching.linger=2ms");
    }
}
