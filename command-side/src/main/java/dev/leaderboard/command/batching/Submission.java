package dev.leaderboard.command.batching;

import dev.leaderboard.command.scoring.SubmitAction;
import org.axonframework.messaging.MetaData;

/** One command to decide, with the origin that travels onto its event. */
public record Submission(SubmitAction command, MetaData metaData) {
}
