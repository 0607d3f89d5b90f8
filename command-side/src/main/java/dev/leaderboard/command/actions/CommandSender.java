package dev.leaderboard.command.actions;

import dev.leaderboard.command.batching.ConflictBackoff;
import dev.leaderboard.command.batching.TransientFailures;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;

/**
 * Sends one operator command (actions go through the group committer) and waits for its result, retrying it when
 * the aggregate's stream was appended concurrently by another instance (the retry reloads the aggregate and decides
 * again, so nothing is lost or counted twice).
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
                if (attempt >= maxAttempts || !TransientFailures.isConcurrentAppend(e)) {
                    throw e;
                }
                ConflictBackoff.pause(attempt);
            }
        }
    }
}
