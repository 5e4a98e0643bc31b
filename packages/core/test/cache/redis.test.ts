import { randomBytes } from "node:crypto";
import { afterAll } from "vitest";
import { Redis } from "ioredis";
import { createCache, createRedisCache } from "../../src/cache/index.js";
import { cacheContract } from "./contract.js";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
// A prefix per run so parallel runs and leftovers never collide.
const prefix = `nl-test:${randomBytes(4).toString("hex")}:`;

cacheContract("redis", () => createRedisCache({ url: REDIS_URL, keyPrefix: prefix }));
cacheContract("redis with memory fallback (createCache)", () =>
  createCache({ redisUrl: REDIS_URL, keyPrefix: prefix }),
);

afterAll(async () => {
  const client = new Redis(REDIS_URL);
  const keys = await client.keys(`${prefix}*`);
  if (keys.length > 0) await client.del(...keys);
  client.disconnect();
});
