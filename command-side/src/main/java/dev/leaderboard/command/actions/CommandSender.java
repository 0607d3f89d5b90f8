package dev.leaderboard.command.actions;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends a command and waits for its result, retrying it when the aggregate's stream was appended concurrently by
 * another instance (the retry reloads the aggregate and decides again, so nothing is lost or counted twice).
 */
public class CommandSender {

    private final CommandGateway gateway;
    private final int maxAttempts;

    public CommandSender(CommandGateway gateway, CommandProperties properties) {
        this.gateway = gateway;
        this.maxAttempts = Math.max(1, properties.maxAttempts());
    }

    public <R> R send(Object command, MetaData metaData) {
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts || !isConcurrentAppend(e)) {
                    throw e;
                }
                backOff(attempt);
            }
        }
    }

    /** A short random pause, growing per attempt, so instances contending for one player stop colliding. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 1L + Math.min(50, 2L << attempt)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a command", e);
        }
    }

    static boolean isConcurrentAppend(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }
}
