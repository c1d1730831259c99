// The Lua behind RedisStateStore: each store operation is one script, so it is atomic in Redis and costs
// one round trip. Counter i is KEYS[2i-1] (a hash: `u` used, `p` pending, `r:<id>` each reservation's amount)
// and KEYS[2i] (a sorted set of reservation ids scored by expiry). Amounts travel as the decimal strings the
// caller sent and are passed to HINCRBY as such (Lua's number formatting would turn 1e14 into "1e+14");
// totals are returned as Lua numbers, exact below 2^53.

const EXTEND_TTL = `
local function extendTtl(key, ttl)
  if redis.call('PTTL', key) < tonumber(ttl) then redis.call('PEXPIRE', key, ttl) end
end
`;

const RELEASE_HOLD = `
local function releaseHold(h, z, id)
  local held = redis.call('HGET', h, 'r:' .. id)
  if held then
    redis.call('HDEL', h, 'r:' .. id)
    if held ~= '0' then redis.call('HINCRBY', h, 'p', '-' .. held) end
    redis.call('ZREM', z, id)
  end
end
`;

/** ARGV: now, id, expiresAt, then per counter: limit, amount, mode (count|hold), ttlMs. Returns {admitted, total...}. */
export const RESERVE_LUA = `${EXTEND_TTL}${RELEASE_HOLD}
local now = tonumber(ARGV[1])
local id = ARGV[2]
local expiresAt = ARGV[3]
local n = #KEYS / 2
local totals = {}
local admitted = 1
for i = 1, n do
  local h, z = KEYS[2 * i - 1], KEYS[2 * i]
  local lapsed = redis.call('ZRANGEBYSCORE', z, '-inf', now)
  for _, rid in ipairs(lapsed) do releaseHold(h, z, rid) end
  local state = redis.call('HMGET', h, 'u', 'p')
  local total = (tonumber(state[1]) or 0) + (tonumber(state[2]) or 0)
  local base = 3 + 4 * (i - 1)
  if total + tonumber(ARGV[base + 2]) > tonumber(ARGV[base + 1]) then admitted = 0 end
  totals[i] = total
end
if admitted == 1 then
  for i = 1, n do
    local h, z = KEYS[2 * i - 1], KEYS[2 * i]
    local base = 3 + 4 * (i - 1)
    local amount, mode, ttl = ARGV[base + 2], ARGV[base + 3], ARGV[base + 4]
    if mode == 'count' then
      if amount ~= '0' then redis.call('HINCRBY', h, 'u', amount) end
    else
      releaseHold(h, z, id)
      redis.call('HSET', h, 'r:' .. id, amount)
      if amount ~= '0' then redis.call('HINCRBY', h, 'p', amount) end
      redis.call('ZADD', z, expiresAt, id)
      extendTtl(z, ttl)
    end
    if redis.call('EXISTS', h) == 1 then extendTtl(h, ttl) end
    totals[i] = totals[i] + tonumber(amount)
  end
end
return {admitted, unpack(totals)}
`;

/** ARGV: id, then per counter: amount, ttlMs. Removes the reservation (lapsed or not) and adds amount to used. */
export const SETTLE_LUA = `${EXTEND_TTL}${RELEASE_HOLD}
local id = ARGV[1]
local n = #KEYS / 2
for i = 1, n do
  local h, z = KEYS[2 * i - 1], KEYS[2 * i]
  local base = 1 + 2 * (i - 1)
  local amount, ttl = ARGV[base + 1], ARGV[base + 2]
  releaseHold(h, z, id)
  if amount ~= '0' then
    redis.call('HINCRBY', h, 'u', amount)
    extendTtl(h, ttl)
  end
end
return 1
`;

/** ARGV: now, id, expiresAt, ttlMs. Moves a live reservation's expiry; a lapsed one stays lapsed. */
export const EXTEND_LUA = `${EXTEND_TTL}
local now, id, expiresAt, ttl = tonumber(ARGV[1]), ARGV[2], ARGV[3], ARGV[4]
local n = #KEYS / 2
for i = 1, n do
  local h, z = KEYS[2 * i - 1], KEYS[2 * i]
  local score = redis.call('ZSCORE', z, id)
  if score and tonumber(score) > now then
    redis.call('ZADD', z, 'XX', expiresAt, id)
    extendTtl(z, ttl)
    extendTtl(h, ttl)
  end
end
return 1
`;
