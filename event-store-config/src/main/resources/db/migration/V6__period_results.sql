-- Closed periods (PeriodClosed): the fence each window's period was closed at, and the frozen final standings.

-- The event store position (global index) a window's period was fenced at, one row for every board. The standings
-- projection counts an event in a fenced period only if its position is not above the fence, live and in replays,
-- so a replay rebuilds exactly the standings the close froze. Written once, never changed.
CREATE TABLE period_fence (
    time_window VARCHAR(16) COLLATE "C" NOT NULL,
    period      VARCHAR(16) COLLATE "C" NOT NULL,
    position    BIGINT      NOT NULL,
    snapshot    TEXT        NOT NULL, -- pg_current_snapshot() of the fencing transaction: who could still hold a
                                      -- global_index at or below the fence
    fenced_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (time_window, period)
);

-- One closed period of one board; written in the transaction that appends its PeriodClosed event.
CREATE TABLE period_result (
    leaderboard_id VARCHAR(97) COLLATE "C" NOT NULL, -- a board, or a segment of it (<board>@<segment>)
    time_window    VARCHAR(16) COLLATE "C" NOT NULL,
    period         VARCHAR(16) COLLATE "C" NOT NULL,
    closed_at      TIMESTAMPTZ NOT NULL,
    fence          BIGINT      NOT NULL,
    total_players  BIGINT      NOT NULL,
    digest         CHAR(64)    NOT NULL,
    tiers          TEXT        NOT NULL, -- JSON array of {name, fromRank, toRank, players, cutoffScore}
    PRIMARY KEY (leaderboard_id, time_window, period)
);

-- The frozen rows, in ordinal rank order; competition and dense ranks are stored so rankStyle is a column read.
CREATE TABLE period_result_entry (
    leaderboard_id   VARCHAR(97) COLLATE "C" NOT NULL,
    time_window      VARCHAR(16) COLLATE "C" NOT NULL,
    period           VARCHAR(16) COLLATE "C" NOT NULL,
    rank             BIGINT      NOT NULL,
    competition_rank BIGINT      NOT NULL,
    dense_rank       BIGINT      NOT NULL,
    user_id          VARCHAR(64) COLLATE "C" NOT NULL,
    score            BIGINT      NOT NULL,
    reached_at       TIMESTAMPTZ NOT NULL,
    tier             VARCHAR(64) COLLATE "C",
    PRIMARY KEY (leaderboard_id, time_window, period, rank)
);

-- Immutable: results are what rewards are paid from.
CREATE FUNCTION refuse_result_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is immutable: closed periods are never changed', TG_TABLE_NAME;
END
$$;

CREATE TRIGGER period_fence_immutable BEFORE UPDATE OR DELETE ON period_fence
    FOR EACH ROW EXECUTE FUNCTION refuse_result_change();
CREATE TRIGGER period_result_immutable BEFORE UPDATE OR DELETE ON period_result
    FOR EACH ROW EXECUTE FUNCTION refuse_result_change();
CREATE TRIGGER period_result_entry_immutable BEFORE UPDATE OR DELETE ON period_result_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_result_change();
