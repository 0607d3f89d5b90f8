package dev.leaderboard.boards;

/**
 * The ordinal ranks a tier holds on a board of some size: {@code fromRank .. toRank}, both inclusive. An empty tier
 * (the tiers before it already hold its ranks, or the board is empty) has {@code toRank = fromRank - 1}.
 */
public record TierRange(String name, long fromRank, long toRank) {

    public long players() {
        return toRank - fromRank + 1;
    }

    public boolean isEmpty() {
        return players() == 0;
    }

    public boolean holds(long rank) {
        return rank >= fromRank && rank <= toRank;
    }
}
