-- Shared by the read scripts, run before each of them. The generation pointer is read in the same script as the
-- rows, so a replay's switch can never pair an old pointer with new keys.
-- KEYS[1] generation pointer, KEYS[2] restoring marker, KEYS[3] epoch (RedisKeys names them).
-- ARGV[1], ARGV[2], ARGV[3] the board's ranking, members and version keys as templates (RedisKeys.boardTemplates):
-- '{generation}' stands for the generation, which only this script knows. Each script's own arguments follow.
-- liveBoard() returns {-1} when Redis cannot answer (data lost, or a restore is copying it back: read PostgreSQL),
-- {0} for an empty or expired board, else nil plus the board's keys {rank = ..., members = ...} and the head of
-- every answer: {total, generation, epoch, version counter} (BoardVersion, so an ETag made of it names exactly
-- what was read).

-- The template with its first '{generation}' replaced: plain find and sub, as a key may hold pattern characters.
local function inGeneration(template, generation)
  local at = string.find(template, '{generation}', 1, true)
  return string.sub(template, 1, at - 1) .. generation .. string.sub(template, at + string.len('{generation}'))
end

local function liveBoard()
  local generation = redis.call('GET', KEYS[1])
  if not generation or redis.call('EXISTS', KEYS[2]) == 1 then
    return {-1}
  end
  local board = {rank = inGeneration(ARGV[1], generation), members = inGeneration(ARGV[2], generation)}
  local total = redis.call('ZCARD', board.rank)
  if total == 0 then
    return {0}
  end
  return nil, board, {total, generation, redis.call('GET', KEYS[3]) or '0',
                      redis.call('GET', inGeneration(ARGV[3], generation)) or '0'}
end

-- How many players of a board have a strictly higher score than the given one (a score as ZREVRANGE WITHSCORES
-- returns it, exact for integers up to 2^53): one ZCOUNT, O(log n) whatever the rank.
local function countAbove(board, score)
  return redis.call('ZCOUNT', board.rank, '(' .. score, '+inf')
end
