package dev.leaderboard.command.actions;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** A command gateway whose answers the test scripts in advance; it records every command sent. */
final class ScriptedCommandGateway implements CommandGateway {

    private final Deque<Supplier<Object>> answers = new ArrayDeque<>();
    private final List<CommandMessage<?>> sent = new ArrayList<>();

    ScriptedCommandGateway failing(RuntimeException failure, int times) {
        for (int i = 0; i < times; i++) {
            answers.add(() -> {
                throw failure;
            });
        }
        return this;
    }

    ScriptedCommandGateway answering(Object result) {
        answers.add(() -> result);
        return this;
    }

    List<CommandMessage<?>> sent() {
        return sent;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R sendAndWait(Object command) {
        sent.add((CommandMessage<?>) command);
        if (answers.isEmpty()) {
            throw new AssertionError("no answer scripted for attempt " + sent.size());
        }
        return (R) answers.poll().get();
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <R> CompletableFuture<R> send(Object command) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        throw new UnsupportedOperationException();
    }
}
