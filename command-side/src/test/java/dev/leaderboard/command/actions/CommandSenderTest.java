package dev.leaderboard.command.actions;

import dev.leaderboard.command.batching.TransientFailures;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandSenderTest {

    private static final MetaData ORIGIN = MetaData.from(Map.of(RequestMetadata.REQUEST_ID, "req-42"));
    private static final ConcurrencyException CONFLICT = new ConcurrencyException("stream appended concurrently");

    private final ScriptedCommandGateway gateway = new ScriptedCommandGateway();

    private CommandSender sender(int maxAttempts) {
        return new CommandSender(gateway, new CommandProperties(maxAttempts, null, null));
    }

    @Test
    void resultOfTheFirstAttemptIsReturned() {
        gateway.answering("done");

        assertThat(sender(3).<String>send("command", ORIGIN)).isEqualTo("done");
        assertThat(gateway.sent()).hasSize(1);
    }

    @Test
    void commandIsSentWithTheRequestMetadata() {
        gateway.answering("done");

        sender(3).send("command", ORIGIN);

        assertThat(gateway.sent()).singleElement().satisfies(message -> {
            assertThat(message.getPayload()).isEqualTo("command");
            assertThat(message.getMetaData()).containsEntry(RequestMetadata.REQUEST_ID, "req-42");
        });
    }

    @Test
    void concurrentAppendIsRetriedUntilItSucceeds() {
        gateway.failing(CONFLICT, 2).answering("done");

        assertThat(sender(3).<String>send("command", ORIGIN)).isEqualTo("done");
        assertThat(gateway.sent()).hasSize(3);
    }

    @Test
    void retriesGiveUpAfterMaxAttemptsWithTheConflict() {
        gateway.failing(CONFLICT, 3).answering("too late");

        assertThatThrownBy(() -> sender(3).send("command", ORIGIN)).isSameAs(CONFLICT);
        assertThat(gateway.sent()).hasSize(3);
    }

    @Test
    void maxAttemptsBelowOneStillSendsOnce() {
        gateway.failing(CONFLICT, 1).answering("never reached");

        assertThatThrownBy(() -> sender(0).send("command", ORIGIN)).isSameAs(CONFLICT);
        assertThat(gateway.sent()).hasSize(1);
    }

    @Test
    void otherFailuresAreNotRetried() {
        IllegalStateException rejected = new IllegalStateException("unknown action type");
        gateway.failing(rejected, 1).answering("never reached");

        assertThatThrownBy(() -> sender(10).send("command", ORIGIN)).isSameAs(rejected);
        assertThat(gateway.sent()).hasSize(1);
    }

    @Test
    void interruptWhileWaitingToRetryStopsRetryingAndKeepsTheInterrupt() {
        gateway.failing(CONFLICT, 1).answering("never reached");
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> sender(3).send("command", ORIGIN))
                    .isInstanceOf(IllegalStateException.class)
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(gateway.sent()).hasSize(1);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void wrappedConcurrentAppendIsRetried() {
        gateway.failing(new CommandExecutionException("failed", CONFLICT), 1).answering("done");

        assertThat(sender(3).<String>send("command", ORIGIN)).isEqualTo("done");
        assertThat(gateway.sent()).hasSize(2);
    }

    @Test
    void concurrencyExceptionAnywhereInTheCauseChainIsAConcurrentAppend() {
        assertThat(TransientFailures.isConcurrentAppend(CONFLICT)).isTrue();
        assertThat(TransientFailures.isConcurrentAppend(
                new RuntimeException("outer", new CommandExecutionException("inner", CONFLICT)))).isTrue();
    }

    @Test
    void creatingAnAlreadyExistingStreamIsAConcurrentAppend() {
        assertThat(TransientFailures.isConcurrentAppend(new AggregateStreamCreationException("exists"))).isTrue();
    }

    @Test
    void otherFailuresAreNotConcurrentAppends() {
        assertThat(TransientFailures.isConcurrentAppend(new IllegalStateException("boom"))).isFalse();
        assertThat(TransientFailures.isConcurrentAppend(
                new CommandExecutionException("failed", new IllegalArgumentException("bad")))).isFalse();
    }
}
