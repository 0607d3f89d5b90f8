-- One page of a board in the live generation, in one round trip (the generation pointer is read here, so a replay's
-- switch can never pair an old pointer with new keys).
-- ARGV[1] key prefix, ARGV[2] board tag "<board>|<window>|<period>", ARGV[3] offset, ARGV[4] limit
-- Returns {-1} when Redis cannot answer (data lost, or a restore is copying it back: read PostgreSQL),
-- {0} for an empty or expired board, else {total, generation, epoch, version counter, rows}: the board's version
-- (BoardVersion) read with the rows, so an ETag made of it names exactly this content.
local generation = redis.call('GET', ARGV[1] .. ':generation')
if not generation or redis.call('EXISTS', ARGV[1] .. ':restoring') == 1 then
  return {-1}
end
local base = ARGV[1] .. ':g' .. generation .. ':{' .. ARGV[2] .. '}'
local key = base .. ':rank'
local total = redis.call('ZCARD', key)
if total == 0 then
  return {0}
end
local first = tonumber(ARGV[3])
local epoch = redis.call('GET', ARGV[1] .. ':epoch') or '0'
local counter = redis.call('GET', base .. ':version') or '0'
return {total, generation, epoch, counter,
        redis.call('ZREVRANGE', key, first, first + tonumber(ARGV[4]) - 1, 'WITHSCORES')}
