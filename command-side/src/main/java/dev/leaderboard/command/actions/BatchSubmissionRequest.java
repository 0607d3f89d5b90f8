package dev.leaderboard.command.actions;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Body of {@code POST /api/v1/actions/batch}. Items stay JSON until each is read and validated on its own, so that
 * one bad item is rejected alone instead of failing the whole request.
 */
public record BatchSubmissionRequest(List<JsonNode> actions) {
}
