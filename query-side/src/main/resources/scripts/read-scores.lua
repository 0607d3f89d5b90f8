-- The scores at given ordinal ranks (tier cutoffs), with the board's size, in one round trip: O(log n) per rank.
-- KEYS and ARGV[1..3] as read-prelude.lua says; ARGV[4..] 0-based ranks
-- Returns what liveBoard refuses with, else {total, generation, epoch, version counter, then per rank its score
-- (or '' past the end)}.
local refused, board, head = liveBoard()
if refused then
  return refused
end
for i = 4, #ARGV do
  local rank = tonumber(ARGV[i])
  local row = redis.call('ZREVRANGE', board.rank, rank, rank, 'WITHSCORES')
  head[#head + 1] = row[2] or ''
end
return head
