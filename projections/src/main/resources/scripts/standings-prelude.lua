-- Prepended to the standings scripts (LuaScripts.read with several files): what both of them start with.
-- KEYS[1] is the generation pointer in both; missing means Redis lost its data: refuse, so nothing is half-written.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return redis.error_reply('LEADERBOARD_REDIS_LOST generation pointer missing')
end

local CHUNK = 1000 -- arguments per command, for Lua's stack; even, so score/member and field/value pairs stay together

local function chunked(command, key, list)
  local result = {}
  for first = 1, #list, CHUNK do
    local answer = redis.call(command, key, unpack(list, first, math.min(first + CHUNK - 1, #list)))
    if type(answer) == 'table' then
      for i = 1, #answer do
        result[#result + 1] = answer[i]
      end
    end
  end
  return result
end

-- A board's version counter (BoardVersion), a key of its own passed in KEYS beside the board's ranking set. Raised
-- by every script that changes the board, so readers can tell one state of it from another.
local function raiseVersion(ranking, versionKey, expireAt)
  redis.call('INCR', versionKey)
  if expireAt then
    if expireAt > 0 then
      redis.call('EXPIREAT', versionKey, expireAt)
    end
  else
    local ttl = redis.call('PTTL', ranking) -- same lifetime as the board's set (-1: none, -2: set gone)
    if ttl > 0 then
      redis.call('PEXPIRE', versionKey, ttl)
    end
  end
end
