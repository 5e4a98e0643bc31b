import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createCache, createMemoryCache, type Cache } from "@ninjalead/core/cache";
import { REDIS_URL } from "../../../../scripts/test-services.js";
import { hitRateLimit, rateLimitHeaders } from "~/trust/rate-limit.server.js";

const caches: Cache[] = [];
afterAll(async () => {
  await Promise.all(caches.map((c) => c.close()));
});

function suite(name: string, make: () => Promise<Cache>) {
  describe(`rate limit (sliding window) on ${name}`, () => {
    const rule = { limit: 10, windowMs: 60_000 };
    const key = () => `test:${randomBytes(4).toString("hex")}`;

    it("allows the limit, refuses the next with Retry-After, and does not count refusals", async () => {
      const cache = await make();
      caches.push(cache);
      const k = key();
      const t0 = 1_000_000 * 60_000; // start of a window
      const decisions = [];
      for (let i = 0; i < 12; i++) decisions.push(await hitRateLimit(cache, k, rule, t0 + i));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
      expect(decisions[9]?.remaining).toBe(0);
      const refused = decisions[10];
      expect(refused?.allowed).toBe(false);
      expect(refused && rateLimitHeaders(refused)).toMatchObject({
        "RateLimit-Limit": "10",
        "RateLimit-Remaining": "0",
        "Retry-After": "60",
      });
      // Halfway through the next window, half of the previous window still weighs in: 5 more fit.
      const later = [];
      for (let i = 0; i < 7; i++) later.push(await hitRateLimit(cache, k, rule, t0 + 90_000 + i));
      expect(later.filter((d) => d.allowed)).toHaveLength(5);
    });

    it("is exact under a concurrent burst", async () => {
      const cache = await make();
      caches.push(cache);
      const k = key();
      const now = 2_000_000 * 60_000;
      const burst = await Promise.all(Array.from({ length: 50 }, () => hitRateLimit(cache, k, rule, now)));
      expect(burst.filter((d) => d.allowed)).toHaveLength(10);
    });
  });
}

suite("memory", () => Promise.resolve(createMemoryCache()));
suite("Redis", () =>
  createCache({ redisUrl: REDIS_URL, keyPrefix: `nl-rl-${randomBytes(3).toString("hex")}:` }),
);
