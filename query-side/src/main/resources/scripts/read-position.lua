-- A player's rank with the neighbour window around it, in one round trip.
-- ARGV[1] key prefix, ARGV[2] board tag, ARGV[3] user id, ARGV[4] context (rows on each side)
-- Returns {-1} when Redis cannot answer (data lost or being restored), {0} for an empty board, else
-- {total, generation, epoch, version counter, rank (0-based, -1 when the player has no score there), first row of the
-- window (0-based), rows}: the board's version (BoardVersion) read with the rows, for the ETag.
local generation = redis.call('GET', ARGV[1] .. ':generation')
if not generation or redis.call('EXISTS', ARGV[1] .. ':restoring') == 1 then
  return {-1}
end
local base = ARGV[1] .. ':g' .. generation .. ':{' .. ARGV[2] .. '}'
local total = redis.call('ZCARD', base .. ':rank')
if total == 0 then
  return {0}
end
local epoch = redis.call('GET', ARGV[1] .. ':epoch') or '0'
local counter = redis.call('GET', base .. ':version') or '0'
local current = redis.call('HGET', base .. ':members', ARGV[3])
if not current then
  return {total, generation, epoch, counter, -1}
end
local member = string.sub(current, string.find(current, '|', 1, true) + 1)
local rank = redis.call('ZREVRANK', base .. ':rank', member)
if not rank then
  return {total, generation, epoch, counter, -1}
end
local context = tonumber(ARGV[4])
local size = math.min(2 * context + 1, total)
local first = math.max(0, math.min(rank - context, total - size))
return {total, generation, epoch, counter, rank, first, redis.call('ZREVRANGE', base .. ':rank', first, first + size - 1, 'WITHSCORES')}
