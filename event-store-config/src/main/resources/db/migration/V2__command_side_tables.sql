-- Write-side consistency tables, written in the same transaction as the events they follow from, and rebuildable
-- from the event store.

-- One row per accepted action: the idempotency ledger behind "same actionId again = the original outcome".
-- Kept out of the User aggregate so a player with 100,000 actions loads and snapshots as fast as a new one.
CREATE TABLE processed_action (
    user_id        VARCHAR(64)  NOT NULL,
    action_id      VARCHAR(128) NOT NULL,
    leaderboard_id VARCHAR(64)  NOT NULL,
    action_type    VARCHAR(64)  NOT NULL,
    points         BIGINT       NOT NULL,
    accepted_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (user_id, action_id)
);

-- Leaderboards defined by operators (LeaderboardDefined events); configured boards are not stored here.
CREATE TABLE leaderboard (
    leaderboard_id VARCHAR(64)   NOT NULL PRIMARY KEY,
    name           VARCHAR(200)  NOT NULL,
    description    VARCHAR(2000),
    defined_at     TIMESTAMPTZ   NOT NULL,
    updated_at     TIMESTAMPTZ   NOT NULL
);
