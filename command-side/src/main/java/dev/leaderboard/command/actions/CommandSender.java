package dev.leaderboard.command.actions;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

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
            }
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
