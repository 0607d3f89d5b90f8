package dev.leaderboard.command.actions;

import dev.leaderboard.command.scoring.ActionOutcome;

import java.util.List;

/** One result per submitted item, in request order. */
public record BatchSubmissionResponse(List<ActionOutcome> results) {
}
