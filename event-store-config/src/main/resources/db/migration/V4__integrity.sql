-- Suspensions as the standings projection sees them (PlayerSuspended / PlayerReinstated), per generation so a
-- replay rebuilds them beside the live ones. A suspended player's standing rows are kept (reinstatement shows them
-- again) but every read goes through visible_standing, and Redis holds none of their entries.
CREATE TABLE suspended_player (
    generation   INTEGER     NOT NULL,
    user_id      VARCHAR(64) COLLATE "C" NOT NULL,
    suspended_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (generation, user_id)
);

CREATE VIEW visible_standing AS
SELECT s.*
FROM standing s
WHERE NOT EXISTS (SELECT 1 FROM suspended_player p WHERE p.generation = s.generation AND p.user_id = s.user_id);

-- Anomaly flags (PlayerFlagged / FlagResolved), written in the command's transaction like the ledger, and
-- rebuildable from the event store.
CREATE TABLE player_flag (
    flag_id     VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id     VARCHAR(64)  NOT NULL,
    rule        VARCHAR(64)  NOT NULL,
    evidence    TEXT         NOT NULL,
    raised_at   TIMESTAMPTZ  NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    resolution  VARCHAR(16),
    reason      VARCHAR(2000),
    resolved_by VARCHAR(128),
    resolved_at TIMESTAMPTZ
);
CREATE INDEX player_flag_by_status ON player_flag (status, raised_at, flag_id);
CREATE INDEX player_flag_by_user ON player_flag (user_id, raised_at);
