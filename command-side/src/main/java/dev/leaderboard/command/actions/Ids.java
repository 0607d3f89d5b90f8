package dev.leaderboard.command.actions;

import dev.leaderboard.boards.Segments;

/** Shapes of identifiers in the public contract. */
public final class Ids {

    /** User and leaderboard ids: 1–64 of {@code [A-Za-z0-9._-]} (no colon: see {@code DefineLeaderboard}). */
    public static final String NAME = "[A-Za-z0-9._-]{1,64}";
    public static final String ACTION_ID = "[A-Za-z0-9._:-]{1,128}";
    public static final String SEGMENT = Segments.PATTERN;

    private Ids() {
    }
}
