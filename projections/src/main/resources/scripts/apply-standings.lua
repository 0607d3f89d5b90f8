-- Applies one player's new totals in several windows of one leaderboard generation, atomically.
-- KEYS[1]            generation pointer; missing means Redis lost its data: refuse, so nothing is half-written
-- KEYS[2w], KEYS[2w+1]  ranking sorted set and members hash of window w
-- ARGV[1] user id, ARGV[2] version (aggregate sequence number of the event that set these totals)
-- ARGV[3w], ARGV[3w+1], ARGV[3w+2]  score, rank member, expire-at epoch second (0 = never) of window w
-- A window whose stored version is the same or newer is left alone: redelivery and replays are harmless.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return redis.error_reply('LEADERBOARD_REDIS_LOST generation pointer missing')
end
local user = ARGV[1]
local version = tonumber(ARGV[2])
local changed = 0
for w = 1, (#KEYS - 1) / 2 do
  local ranking, members = KEYS[2 * w], KEYS[2 * w + 1]
  local current = redis.call('HGET', members, user)
  local newer = true
  if current then
    local separator = string.find(current, '|', 1, true)
    if tonumber(string.sub(current, 1, separator - 1)) >= version then
      newer = false
    else
      redis.call('ZREM', ranking, string.sub(current, separator + 1))
    end
  end
  if newer then
    redis.call('ZADD', ranking, ARGV[3 * w], ARGV[3 * w + 1])
    redis.call('HSET', members, user, ARGV[2] .. '|' .. ARGV[3 * w + 1])
    local expireAt = tonumber(ARGV[3 * w + 2])
    if expireAt > 0 then
      redis.call('EXPIREAT', ranking, expireAt)
      redis.call('EXPIREAT', members, expireAt)
    end
    changed = changed + 1
  end
end
return changed
