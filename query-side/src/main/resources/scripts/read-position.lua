-- A player's rank with the neighbour window around it, in one round trip.
-- KEYS and ARGV[1..3] as read-prelude.lua says; ARGV[4] user id, ARGV[5] context (rows on each side), ARGV[6]
-- 'above' to also count the players with a strictly higher score than the window's first row, else ''
-- Returns what liveBoard refuses with, else {total, generation, epoch, version counter, rank (0-based, -1 when the
-- player has no score there), first row of the window (0-based), rows[, players above]}.
local refused, board, head = liveBoard()
if refused then
  return refused
end
local total = head[1]
local current = redis.call('HGET', board.members, ARGV[4])
local rank = nil
if current then
  rank = redis.call('ZREVRANK', board.rank, string.sub(current, string.find(current, '|', 1, true) + 1))
end
if not rank then
  head[5] = -1
  return head
end
local context = tonumber(ARGV[5])
local size = math.min(2 * context + 1, total)
local first = math.max(0, math.min(rank - context, total - size))
head[5] = rank
head[6] = first
head[7] = redis.call('ZREVRANGE', board.rank, first, first + size - 1, 'WITHSCORES')
if ARGV[6] == 'above' then
  head[8] = countAbove(board, head[7][2])
end
return head
