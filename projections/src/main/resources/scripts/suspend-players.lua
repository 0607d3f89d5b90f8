-- Suspends and reinstates players in one generation, atomically: one call per batch and generation.
-- Runs after standings-prelude.lua (LuaScripts.read): the pointer check on KEYS[1] and chunked() come from there.
-- KEYS[1]                 generation pointer; missing means Redis lost its data: refuse, so nothing is half-written
-- KEYS[2]                 the generation's set of suspended players
-- KEYS[3k..3k+2]          ranking sorted set, members hash and version counter of board k, one (leaderboard,
--                         window, period); RedisKeys names them all, the script builds no key
-- ARGV: s, then s user ids to suspend (SADD); r, then r user ids to reinstate (SREM); then per board k in KEYS
--   order: m, then m user ids to take off that board (their member in the ranking and their members-hash entry).
-- A user is taken off a board only while in the suspended set after this call's changes, so a call racing a
-- reinstatement (a replay's final re-check) never hides a reinstated player. Reinstated players' standings are
-- written afterwards by apply-standings.lua, which skips suspended players.

local function take(a, n)
  local list = {}
  for i = 1, n do
    list[i] = ARGV[a + i - 1]
  end
  return list
end

local suspended = KEYS[2]
local a = 1
local s = tonumber(ARGV[a])
if s > 0 then
  chunked('SADD', suspended, take(a + 1, s))
end
a = a + 1 + s
local r = tonumber(ARGV[a])
if r > 0 then
  chunked('SREM', suspended, take(a + 1, r))
end
a = a + 1 + r

local removed = 0
for k = 1, (#KEYS - 2) / 3 do
  local ranking, members, versionKey = KEYS[3 * k], KEYS[3 * k + 1], KEYS[3 * k + 2]
  local m = tonumber(ARGV[a])
  local users = take(a + 1, m)
  a = a + 1 + m
  if m > 0 and redis.call('EXISTS', suspended) == 1 then
    local flags = chunked('SMISMEMBER', suspended, users)
    local current = chunked('HMGET', members, users)
    local gone, fields = {}, {}
    for i = 1, m do
      if flags[i] == 1 and current[i] then
        local separator = string.find(current[i], '|', 1, true)
        gone[#gone + 1] = string.sub(current[i], separator + 1)
        fields[#fields + 1] = users[i]
      end
    end
    if #gone > 0 then
      chunked('ZREM', ranking, gone)
      chunked('HDEL', members, fields)
      raiseVersion(ranking, versionKey, nil)
      removed = removed + #gone
    end
  end
end
return removed
