package dev.leaderboard.bench.write;

import dev.leaderboard.bench.BenchMain;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteOptionsTest {

    private static WriteCommands.WriteCommand parse(String... args) {
        CommandLine.ParseResult result = BenchMain.commandLine().parseArgs(args);
        return (WriteCommands.WriteCommand) result.subcommand().commandSpec().userObject();
    }

    private static void validate(String... args) throws Exception {
        WriteCommands.WriteCommand command = parse(args);
        command.common.validate();
        switch (command) {
            case WriteCommands.RestBatch batch -> WriteCommands.validate(command.common, batch.batch);
            case WriteCommands.Kafka kafka -> kafka.kafka.validate(command.common);
            default -> {
            }
        }
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        WriteCommands.Ingestion ingestion = (WriteCommands.Ingestion) parse("ingestion");

        assertThat(ingestion.single.clients).isEqualTo(16);
        assertThat(ingestion.batch.size).isEqualTo(100);
        assertThat(ingestion.batch.clients).isEqualTo(4);
        assertThat(ingestion.kafka.actions).isEqualTo(1_000_000);
        assertThat(ingestion.kafka.players).isEqualTo(100_000);
        assertThat(ingestion.common.warmup).isEqualTo(10);
        assertThat(ingestion.common.duration).isEqualTo(30);
        assertThat(ingestion.serverArguments()).containsExactly(KafkaIngestion.CONSUMER_PAUSED);
    }

    @Test
    void badValuesAreRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> validate("rest-single", "--duration", "0"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--duration");
        assertThatThrownBy(() -> validate("rest-batch", "--batch-size", "1001"))
                .hasMessageContaining("--batch-size");
        assertThatThrownBy(() -> validate("kafka", "--processes", "3")).hasMessageContaining("--processes");
        assertThatThrownBy(() -> validate("kafka", "--kafka-compression", "brotli")).hasMessageContaining("brotli");
        assertThatThrownBy(() -> validate("rest-single", "--server-arg", "no-value"))
                .hasMessageContaining("KEY=VALUE");
        assertThatThrownBy(() -> validate("rest-single", "--jdbc-url", "jdbc:postgresql://x/y"))
                .hasMessageContaining("--url");
    }

    @Test
    void serverArgumentsBecomeSpringArgumentsAfterTheBenchDefaults() throws Exception {
        WriteCommands.WriteCommand command = parse("kafka", "--kafka-processes", "2", "--server-arg",
                "leaderboard.commands.batching.linger=2ms");
        validate("kafka", "--kafka-processes", "2");

        assertThat(((WriteCommands.Kafka) command).kafka.processes).isEqualTo(2);
        assertThat(command.common.springArguments(command.serverArguments())).containsExactly(
                "--leaderboard.rate-limits.enabled=false", KafkaIngestion.CONSUMER_PAUSED,
                "--leaderboard.commands.batching.linger=2ms");
        assertThat(command).isInstanceOf(Callable.class);
    }
}
