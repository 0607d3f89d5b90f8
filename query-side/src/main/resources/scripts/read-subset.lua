-- Given players' ranks and scores, in one round trip.
-- ARGV[1] key prefix, ARGV[2] board tag, ARGV[3..] user ids
-- Returns what liveBoard refuses with, else {total, generation, epoch, version counter, then per user id: rank
-- (0-based, -1 without a score), score (or '')}.
local refused, base, head = liveBoard(ARGV[1], ARGV[2])
if refused then
  return refused
end
for i = 3, #ARGV do
  local current = redis.call('HGET', base .. ':members', ARGV[i])
  local rank = nil
  local score = nil
  if current then
    local member = string.sub(current, string.find(current, '|', 1, true) + 1)
    rank = redis.call('ZREVRANK', base .. ':rank', member)
    score = redis.call('ZSCORE', base .. ':rank', member)
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
