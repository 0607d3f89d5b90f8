-- Read-model tables of the standings projection. Written in the same transaction as the processor's tokens, so they
-- are always exactly consistent with a token position; Redis is rebuilt from them after a data loss.

-- A player's current total per (leaderboard, window, period), and when it was reached (the tie-break).
-- generation: replays build a new generation beside the live one and switch atomically (projection_generation).
-- version: the aggregate sequence number of the event that set the row; older versions never overwrite newer ones.
-- COLLATE "C": ties on score and time are broken by user id in byte order, exactly as Redis orders members.
CREATE TABLE standing (
    generation     INTEGER      NOT NULL,
    leaderboard_id VARCHAR(64)  COLLATE "C" NOT NULL,
    time_window    VARCHAR(16)  COLLATE "C" NOT NULL,
    period         VARCHAR(16)  COLLATE "C" NOT NULL,
    user_id        VARCHAR(64)  COLLATE "C" NOT NULL,
    score          BIGINT       NOT NULL,
    reached_at     TIMESTAMPTZ  NOT NULL,
    version        BIGINT       NOT NULL,
    PRIMARY KEY (generation, leaderboard_id, time_window, period, user_id)
);

-- Rank order for reads served from PostgreSQL (past periods, custom ranges).
CREATE INDEX standing_rank_order
    ON standing (generation, leaderboard_id, time_window, period, score DESC, reached_at, user_id DESC);

-- building_id identifies one replay run, so a stale run can never write into or switch to another run's build;
-- building_position/building_head report its progress to every instance.
CREATE TABLE projection_generation (
    projection          VARCHAR(64) NOT NULL PRIMARY KEY,
    live_generation     INTEGER     NOT NULL,
    building_generation INTEGER,
    building_id         VARCHAR(36),
    building_started_at TIMESTAMPTZ,
    building_position   BIGINT,
    building_head       BIGINT,
    switched_at         TIMESTAMPTZ NOT NULL
);
INSERT INTO projection_generation (projection, live_generation, switched_at) VALUES ('standings', 1, now());

-- Heartbeats of the instances running a projection, for a fair split of its segments.
CREATE TABLE projection_node (
    projection   VARCHAR(64) NOT NULL,
    node_id      VARCHAR(64) NOT NULL,
    heartbeat_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (projection, node_id)
);
