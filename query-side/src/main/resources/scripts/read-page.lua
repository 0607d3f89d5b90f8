-- One page of a board in the live generation, in one round trip.
-- ARGV[1] key prefix, ARGV[2] board tag "<board>|<window>|<period>", ARGV[3] offset, ARGV[4] limit,
-- ARGV[5] 'above' to also count the players with a strictly higher score than the page's first row (its
-- competition rank is that + 1), else ''
-- Returns what liveBoard refuses with, else {total, generation, epoch, version counter, rows[, players above]}.
local refused, base, head = liveBoard(ARGV[1], ARGV[2])
if refused then
  return refused
end
local first = tonumber(ARGV[3])
head[5] = redis.call('ZREVRANGE', base .. ':rank', first, first + tonumber(ARGV[4]) - 1, 'WITHSCORES')
if ARGV[5] == 'above' and #head[5] > 0 then
  head[6] = countAbove(base, head[5][2])
end
return head
