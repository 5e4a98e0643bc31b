import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryCache, createRedisCache } from "../../src/cache/index.js";
import type { Cache } from "../../src/cache/index.js";
import { QuotaLedger } from "../../src/ai/ledger.js";
import { chatRequests, engineFor, product, productCopy, startServers, type Servers } from "./fixtures.js";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `nl-test-ai:${randomBytes(4).toString("hex")}:`;

let servers: Servers;
beforeAll(async () => {
  servers = await startServers();
});
afterAll(async () => {
  await servers.close();
  const client = new Redis(REDIS_URL);
  const keys = await client.keys(`${prefix}*`);
  if (keys.length > 0) await client.del(...keys);
  client.disconnect();
});

// The same quota battery on each cache backend the ledger can sit on.
function quotaSuite(backend: string, makeCache: () => Promise<Cache>): void {
  describe(`quota ledger on ${backend}`, () => {
    let cache: Cache;
    beforeAll(async () => {
      cache = await makeCache();
    });
    afterAll(async () => cache.close());

    it("200 concurrent calls against 50 credits: exactly 50 succeed, the rest get quota_exceeded, the ledger balances", async () => {
      const shopId = `burst-${backend}`;
      servers.openai.resetStats();
      const ai = engineFor(
        { openai: servers.openai },
        { cache, quota: { creditsPerShop: 50 }, offline: false },
      );
      const settled = await Promise.allSettled(
        Array.from({ length: 200 }, (_, i) =>
          ai.run(productCopy, product(i), { language: "en", shopId, cache: "bypass" }),
        ),
      );
      const ok = settled.filter((s) => s.status === "fulfilled");
      const refused = settled.filter((s) => s.status === "rejected");
      expect(ok).toHaveLength(50);
      expect(refused).toHaveLength(150);
      for (const r of refused) expect(r.reason).toMatchObject({ code: "quota_exceeded", retryable: false });
      expect(chatRequests(servers.openai)).toBe(50); // refused calls never reach the provider
      expect(await ai.balance(shopId)).toEqual({ limit: 50, held: 50, charged: 50, available: 0 });
      const usage = await ai.usage(shopId);
      expect(usage.calls).toBe(50);
      expect(usage.inputTokens).toBe(servers.openai.stats().promptTokens);
      expect(usage.costUsd).toBeGreaterThan(0);
    });

    it("failed calls release their reservation; retries inside one call are charged once", async () => {
      const shopId = `failures-${backend}`;
      const ai = engineFor(
        { openai: servers.openai },
        { cache, quota: { creditsPerShop: 5 }, offline: false, breaker: { failureThreshold: 1_000 } },
      );
      servers.openai.setFault({ type: "status", status: 503 });
      // Sequential: each failure must hand its credit back, or the 6th call would be refused.
      for (let i = 0; i < 8; i++) {
        await expect(
          ai.run(productCopy, product(i), { language: "en", shopId, cache: "bypass" }),
        ).rejects.toMatchObject({
          code: "provider_unavailable",
        });
      }
      expect(await ai.balance(shopId)).toMatchObject({ held: 0, charged: 0, available: 5 });

      servers.openai.setFault(undefined);
      servers.openai.failNext(
        { type: "status", status: 500 },
        { type: "status", status: 429, retryAfterMs: 1 },
      );
      await ai.run(productCopy, product(99), { language: "en", shopId, cache: "bypass" });
      expect(await ai.balance(shopId)).toMatchObject({ held: 1, charged: 1, available: 4 });
    });

    it("offline answers after a provider failure cost no credits", async () => {
      const shopId = `offline-${backend}`;
      const ai = engineFor({ openai: servers.openai }, { cache, quota: { creditsPerShop: 3 } });
      servers.openai.setFault({ type: "status", status: 500 });
      const result = await ai.run(productCopy, product(1), { language: "pl", shopId });
      servers.openai.setFault(undefined);
      expect(result.provider).toBe("offline");
      expect(await ai.balance(shopId)).toMatchObject({ held: 0, charged: 0 });
    });

    it("settles a reservation exactly once", async () => {
      const ledger = new QuotaLedger(cache, { creditsPerShop: 10 }, Date.now);
      const shopId = `settle-${backend}`;
      const r = await ledger.reserve(shopId, 4);
      expect(r).toBeDefined();
      expect(await r?.commit()).toBe(true);
      expect(await r?.commit()).toBe(false);
      expect(await r?.release()).toBe(false);
      expect(await ledger.balance(shopId)).toEqual({ limit: 10, held: 4, charged: 4, available: 6 });
      await expect(ledger.reserve(shopId, 7)).rejects.toMatchObject({ code: "quota_exceeded" });
      expect(await ledger.balance(shopId)).toMatchObject({ held: 4 });
    });

    it("renews credits per window", async () => {
      let clock = 0;
      const ledger = new QuotaLedger(cache, { creditsPerShop: 1, windowMs: 60_000 }, () => clock);
      const shopId = `window-${backend}`;
      await (await ledger.reserve(shopId, 1))?.commit();
      await expect(ledger.reserve(shopId, 1)).rejects.toMatchObject({ code: "quota_exceeded" });
      clock += 60_000;
      expect(await ledger.reserve(shopId, 1)).toBeDefined();
    });
  });
}

quotaSuite("memory", () => Promise.resolve(createMemoryCache()));
quotaSuite("redis", () => createRedisCache({ url: REDIS_URL, keyPrefix: prefix }));
