import type { Cache } from "@ninjalead/core/cache";

export interface RateLimitRule {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window has room again (0 when allowed). */
  retryAfterSeconds: number;
  /** Seconds until the current window resets. */
  resetSeconds: number;
}

/**
 * Sliding-window counter (the two-window approximation used by Cloudflare and others): the count of
 * the current fixed window plus the previous window's count weighted by how much of it still
 * overlaps the sliding window. One atomic increment per request on the shared cache, so it works
 * on Redis across processes and, while Redis is down, on the memory fallback per process.
 */
export async function hitRateLimit(
  cache: Cache,
  key: string,
  rule: RateLimitRule,
  now: number = Date.now(),
): Promise<RateLimitDecision> {
  const window = Math.floor(now / rule.windowMs);
  const elapsed = (now % rule.windowMs) / rule.windowMs;
  const currentKey = `rl:${key}:${window}`;
  const previous = (await cache.get<number>(`rl:${key}:${window - 1}`)) ?? 0;
  const current = await cache.increment(currentKey, 1, { ttlMs: rule.windowMs * 2 });
  const weighted = previous * (1 - elapsed) + current;
  const resetSeconds = Math.ceil((rule.windowMs - (now % rule.windowMs)) / 1000);
  if (weighted <= rule.limit) {
    return {
      allowed: true,
      limit: rule.limit,
      remaining: Math.max(0, Math.floor(rule.limit - weighted)),
      retryAfterSeconds: 0,
      resetSeconds,
    };
  }
  // This request does not count against the budget it was refused.
  await cache.increment(currentKey, -1);
  return {
    allowed: false,
    limit: rule.limit,
    remaining: 0,
    retryAfterSeconds: Math.max(1, resetSeconds),
    resetSeconds,
  };
}

/** The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers) plus Retry-After on refusal. */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(decision.limit),
    "RateLimit-Remaining": String(decision.remaining),
    "RateLimit-Reset": String(decision.resetSeconds),
  };
  if (!decision.allowed) headers["Retry-After"] = String(decision.retryAfterSeconds);
  return headers;
}
