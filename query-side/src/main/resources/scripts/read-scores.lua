-- The scores at given ordinal ranks (tier cutoffs), with the board's size, in one round trip: O(log n) per rank.
-- ARGV[1] key prefix, ARGV[2] board tag, ARGV[3..] 0-based ranks
-- Returns what liveBoard refuses with, else {total, generation, epoch, version counter, then per rank its score
-- (or '' past the end)}.
local refused, base, head = liveBoard(ARGV[1], ARGV[2])
if refused then
  return refused
end
for i = 3, #ARGV do
  local rank = tonumber(ARGV[i])
  local row = redis.call('ZREVRANGE', base .. ':rank', rank, rank, 'WITHSCORES')
  head[#head + 1] = row[2] or ''
end
return head
