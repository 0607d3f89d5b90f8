-- Given players' ranks and scores, in one round trip.
-- KEYS and ARGV[1..3] as read-prelude.lua says; ARGV[4..] user ids
-- Returns what liveBoard refuses with, else {total, generation, epoch, version counter, then per user id: rank
-- (0-based, -1 without a score), score (or '')}.
local refused, board, head = liveBoard()
if refused then
  return refused
end
for i = 4, #ARGV do
  local current = redis.call('HGET', board.members, ARGV[i])
  local rank = nil
  local score = nil
  if current then
    local member = string.sub(current, string.find(current, '|', 1, true) + 1)
    rank = redis.call('ZREVRANK', board.rank, member)
    score = redis.call('ZSCORE', board.rank, member)
  end
  if rank and score then
    head[#head + 1] = rank
    head[#head + 1] = score
  else
    head[#head + 1] = -1
    head[#head + 1] = ''
  end
end
return head
