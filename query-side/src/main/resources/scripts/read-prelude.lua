-- Shared by the read scripts, run before each of them. The generation pointer is read in the same script as the
-- rows, so a replay's switch can never pair an old pointer with new keys.
-- liveBoard(prefix, tag) returns {-1} when Redis cannot answer (data lost, or a restore is copying it back: read
-- PostgreSQL), {0} for an empty or expired board, else nil plus the board's key base, its size and the head of
-- every answer: {total, generation, epoch, version counter} (BoardVersion, so an ETag made of it names exactly
-- what was read).
local function liveBoard(prefix, tag)
  local generation = redis.call('GET', prefix .. ':generation')
  if not generation or redis.call('EXISTS', prefix .. ':restoring') == 1 then
    return {-1}
  end
  local base = prefix .. ':g' .. generation .. ':{' .. tag .. '}'
  local total = redis.call('ZCARD', base .. ':rank')
  if total == 0 then
    return {0}
  end
  return nil, base, {total, generation, redis.call('GET', prefix .. ':epoch') or '0',
                     redis.call('GET', base .. ':version') or '0'}
end

-- How many players of a board have a strictly higher score than the given one (a score as ZREVRANGE WITHSCORES
-- returns it, exact for integers up to 2^53): one ZCOUNT, O(log n) whatever the rank.
local function countAbove(base, score)
  return redis.call('ZCOUNT', base .. ':rank', '(' .. score, '+inf')
end
