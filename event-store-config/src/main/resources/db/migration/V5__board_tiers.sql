-- Reward tiers of operator-defined boards (LeaderboardDefined.tiers), as a JSON array of
-- {"name","top"} / {"name","topPercent"} in the tiers' order. NULL: no tiers.
ALTER TABLE leaderboard ADD COLUMN tiers JSONB;
