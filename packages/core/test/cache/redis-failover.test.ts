import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { startOwnRedis, type OwnRedis } from "../../../../scripts/redis-server.js";
import { createCache, type Cache, type Logger } from "../../src/index.js";

describe("cache: Redis goes away and comes back (a real redis-server of our own)", () => {
  let redis: OwnRedis;
  let cache: Cache;
  const lines: { level: string; message: string }[] = [];
  const logger: Logger = {
    debug: () => {},
    info: (message) => lines.push({ level: "info", message }),
    warn: (message) => lines.push({ level: "warn", message }),
    error: (message) => lines.push({ level: "error", message }),
  };

  beforeAll(async () => {
    redis = await startOwnRedis();
    cache = await createCache({ redisUrl: redis.url, logger });
  });
  afterAll(async () => {
    await cache.close();
    await redis.stop();
  });

  it("serves from Redis, keeps working on memory while Redis is down, and returns to Redis", async () => {
    await cache.set("before", "in redis");
    expect(cache.backend()).toBe("redis");
    const probe = new Redis(redis.url);
    expect(await probe.get("nl:before")).toBe('"in redis"');
    probe.disconnect();

    await redis.stop();
    // Callers see no error during the outage.
    for (let i = 0; i < 20; i++) {
      await cache.set(`during:${i}`, i);
      expect(await cache.get(`during:${i}`)).toBe(i);
      expect(await cache.increment("during:counter")).toBe(i + 1);
    }
    expect(cache.backend()).toBe("memory");
    expect(lines.filter((l) => l.level === "warn")).toHaveLength(1);

    await redis.start();
    await expect.poll(() => cache.backend(), { timeout: 10_000, interval: 50 }).toBe("redis");
    await cache.set("after", "back in redis");
    const again = new Redis(redis.url);
    expect(await again.get("nl:after")).toBe('"back in redis"');
    again.disconnect();
    expect(lines.filter((l) => l.level === "info" && /back/.test(l.message))).toHaveLength(1);
    expect(lines.filter((l) => l.level === "warn")).toHaveLength(1);
    expect(lines.filter((l) => l.level === "error")).toHaveLength(0);
  });
});
