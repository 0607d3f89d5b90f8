-- Token buckets for one request, checked and taken atomically: either every bucket has the tokens and all are
-- taken, or none is touched. Each bucket is one key holding its "theoretical arrival time" (GCRA): the instant, in
-- microseconds of Redis' own clock, at which the bucket would be full again. A missing key is a full bucket; a key
-- expires when its bucket is full, so idle players and addresses leave nothing behind.
-- KEYS[i]: the bucket; ARGV[3i-2] tokens this request takes, ARGV[3i-1] burst, ARGV[3i] microseconds per token.
-- Returns {allowed (1|0), then per bucket: tokens left, ms until this request would fit (0 if it does now),
-- ms until the bucket is full}.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local allowed = 1
local full = {}
local after = {}
for i = 1, #KEYS do
  local cost = tonumber(ARGV[3 * i - 2])
  local burst = tonumber(ARGV[3 * i - 1])
  local interval = tonumber(ARGV[3 * i])
  local tat = tonumber(redis.call('GET', KEYS[i]) or now)
  if tat < now then
    tat = now
  end
  full[i] = tat
  after[i] = tat + cost * interval
  if after[i] - burst * interval > now then
    allowed = 0
  end
end
local result = {allowed}
for i = 1, #KEYS do
  local burst = tonumber(ARGV[3 * i - 1])
  local interval = tonumber(ARGV[3 * i])
  local tat = full[i]
  if allowed == 1 then
    tat = after[i]
    redis.call('SET', KEYS[i], string.format('%.0f', tat), 'PX', math.ceil((tat - now) / 1000) + 1)
  end
  local wait = math.max(0, after[i] - burst * interval - now)
  result[#result + 1] = math.max(0, math.floor((burst * interval - (tat - now)) / interval + 1e-9))
  result[#result + 1] = math.ceil(wait / 1000)
  result[#result + 1] = math.ceil((tat - now) / 1000)
end
return result
