-- One page of a board in the live generation, in one round trip.
-- KEYS and ARGV[1..3] as read-prelude.lua says; ARGV[4] offset, ARGV[5] limit,
-- ARGV[6] 'above' to also count the players with a strictly higher score than the page's first row (its
-- competition rank is that + 1), else ''
-- Returns what liveBoard refuses with, else {total, generation, epoch, version counter, rows[, players above]}.
local refused, board, head = liveBoard()
if refused then
  return refused
end
local first = tonumber(ARGV[4])
head[5] = redis.call('ZREVRANGE', board.rank, first, first + tonumber(ARGV[5]) - 1, 'WITHSCORES')
if ARGV[6] == 'above' and #head[5] > 0 then
  head[6] = countAbove(board, head[5][2])
end
return head
