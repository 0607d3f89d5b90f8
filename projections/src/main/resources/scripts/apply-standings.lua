-- Applies a batch of standings to one leaderboard generation, atomically: one call per batch and generation.
-- Runs after standings-prelude.lua (LuaScripts.read): the pointer check on KEYS[1] and chunked() come from there.
-- KEYS[1]                 generation pointer; missing means Redis lost its data: refuse, so nothing is half-written
-- KEYS[2]                 the generation's set of suspended players: their standings are not written (PostgreSQL
--                         keeps them; reinstatement copies them back). Checked only while the set exists.
-- KEYS[3k..3k+2]          ranking sorted set, members hash and version counter of board k, one (leaderboard,
--                         window, period); RedisKeys names them all, the script builds no key
-- ARGV, per board k in KEYS order: n (players of this board in the batch), expire-at epoch second (0 = never),
--   then n times: user id, version (aggregate sequence number of the event that set the total), score, rank member
-- A user appears at most once per board (the caller keeps the newest version). A player whose stored version is the
-- same or newer is left alone: redelivery, replays and restores are harmless. Per board this is one HMGET, one ZREM
-- of the replaced members, one ZADD, one HSET and the two EXPIREATs, each variadic (in chunks, for Lua's stack), and
-- the board's version raised when anything changed.

local suspended = KEYS[2]
local anySuspended = redis.call('EXISTS', suspended) == 1

local changed = 0
local a = 1
for k = 1, (#KEYS - 2) / 3 do
  local ranking, members, versionKey = KEYS[3 * k], KEYS[3 * k + 1], KEYS[3 * k + 2]
  local n = tonumber(ARGV[a])
  local expireAt = tonumber(ARGV[a + 1])
  a = a + 2
  local users = {}
  for i = 0, n - 1 do
    users[i + 1] = ARGV[a + 4 * i]
  end
  local current = chunked('HMGET', members, users)
  local hidden = {}
  if anySuspended then
    hidden = chunked('SMISMEMBER', suspended, users)
  end
  local removed, added, entries = {}, {}, {}
  for i = 0, n - 1 do
    local at = a + 4 * i
    local version = ARGV[at + 1]
    local stored = current[i + 1]
    local newer = hidden[i + 1] ~= 1
    if newer and stored then
      local separator = string.find(stored, '|', 1, true)
      if tonumber(string.sub(stored, 1, separator - 1)) >= tonumber(version) then
        newer = false
      else
        removed[#removed + 1] = string.sub(stored, separator + 1)
      end
    end
    if newer then
      added[#added + 1] = ARGV[at + 2]
      added[#added + 1] = ARGV[at + 3]
      entries[#entries + 1] = ARGV[at]
      entries[#entries + 1] = version .. '|' .. ARGV[at + 3]
    end
  end
  if #removed > 0 then
    chunked('ZREM', ranking, removed)
  end
  if #added > 0 then
    chunked('ZADD', ranking, added)
    chunked('HSET', members, entries)
    if expireAt > 0 then
      redis.call('EXPIREAT', ranking, expireAt)
      redis.call('EXPIREAT', members, expireAt)
    end
    raiseVersion(ranking, versionKey, expireAt)
    changed = changed + #added / 2
  end
  a = a + 4 * n
end
return changed
