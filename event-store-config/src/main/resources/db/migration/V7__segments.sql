-- Segments of a board (a trusted player attribute such as a region) are stored as boards of their own under the
-- derived key '<boardId>@<segment>': 64 + 1 + 32 characters (dev.leaderboard.boards.Segments). Only the standings
-- hold such keys; every other table keeps real board ids.
-- PostgreSQL cannot change the type of a column a view reads, so visible_standing is dropped and created again
-- (the same definition as in V4), in this migration's transaction.
DROP VIEW visible_standing;

ALTER TABLE standing ALTER COLUMN leaderboard_id TYPE VARCHAR(97) COLLATE "C";

CREATE VIEW visible_standing AS
SELECT s.*
FROM standing s
WHERE NOT EXISTS (SELECT 1 FROM suspended_player p WHERE p.generation = s.generation AND p.user_id = s.user_id);
