import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Cache } from "../../src/cache/index.js";

/**
 * The one contract every cache adapter honours. Each adapter's test file calls this with a
 * factory; the same assertions run against memory, Redis and the resilient wrapper.
 */
export function cacheContract(name: string, factory: () => Promise<Cache>): void {
  describe(`cache contract: ${name}`, () => {
    let cache: Cache;
    const opened: Cache[] = [];
    beforeEach(async () => {
      cache = await factory();
      opened.push(cache);
    });
    afterAll(async () => {
      await Promise.all(opened.map((c) => c.close()));
    });
    const key = (k: string) => `${k}:${Math.random().toString(36).slice(2)}`;

    it("returns undefined for a missing key", async () => {
      expect(await cache.get(key("missing"))).toBeUndefined();
    });

    it("stores JSON values and returns copies", async () => {
      const k = key("json");
      const value = { a: 1, list: ["x", { deep: true }], text: "é 日本 🎉" };
      await cache.set(k, value);
      const read = await cache.get<typeof value>(k);
      expect(read).toEqual(value);
      expect(read).not.toBe(value);
    });

    it("expires entries after their TTL", async () => {
      const k = key("ttl");
      await cache.set(k, "soon gone", { ttlMs: 50 });
      expect(await cache.get(k)).toBe("soon gone");
      const ttl = await cache.ttl(k);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(50);
      await expect.poll(() => cache.get(k), { timeout: 2_000, interval: 20 }).toBeUndefined();
    });

    it("reports Infinity TTL for keys without expiry and undefined for absent keys", async () => {
      const k = key("forever");
      await cache.set(k, 1);
      expect(await cache.ttl(k)).toBe(Infinity);
      expect(await cache.ttl(key("absent"))).toBeUndefined();
    });

    it("deletes and says whether the key existed", async () => {
      const k = key("del");
      await cache.set(k, true);
      expect(await cache.delete(k)).toBe(true);
      expect(await cache.delete(k)).toBe(false);
      expect(await cache.get(k)).toBeUndefined();
    });

    it("adds only when absent", async () => {
      const k = key("add");
      expect(await cache.add(k, "first")).toBe(true);
      expect(await cache.add(k, "second")).toBe(false);
      expect(await cache.get(k)).toBe("first");
    });

    it("increments atomically under concurrency, keeping the TTL set at creation", async () => {
      const k = key("counter");
      const results = await Promise.all(
        Array.from({ length: 100 }, () => cache.increment(k, 1, { ttlMs: 10_000 })),
      );
      expect(new Set(results).size).toBe(100);
      expect(Math.max(...results)).toBe(100);
      expect(await cache.increment(k, -10)).toBe(90);
      const ttl = await cache.ttl(k);
      expect(ttl).toBeGreaterThan(5_000);
      expect(ttl).toBeLessThanOrEqual(10_000);
    });

    it("refuses to increment a non-integer value", async () => {
      const k = key("notint");
      await cache.set(k, "hello");
      await expect(cache.increment(k)).rejects.toMatchObject({ code: "bad_request" });
    });

    it("grants a lock to one holder at a time and frees it only for its owner", async () => {
      const k = key("lock");
      const attempts = await Promise.all(Array.from({ length: 20 }, () => cache.acquireLock(k, 5_000)));
      const held = attempts.filter((l) => l !== null);
      expect(held).toHaveLength(1);
      const lock = held[0];
      if (!lock) throw new Error("no lock");
      expect(await cache.acquireLock(k, 5_000)).toBeNull();
      expect(await lock.release()).toBe(true);
      expect(await lock.release()).toBe(false);
      const next = await cache.acquireLock(k, 5_000);
      expect(next).not.toBeNull();
      await next?.release();
    });

    it("lets a lock expire so a crashed holder cannot block forever", async () => {
      const k = key("lock-ttl");
      const lock = await cache.acquireLock(k, 50);
      expect(lock).not.toBeNull();
      await expect.poll(() => cache.acquireLock(k, 5_000), { timeout: 2_000, interval: 20 }).not.toBeNull();
      expect(await lock?.release()).toBe(false);
    });
  });
}
