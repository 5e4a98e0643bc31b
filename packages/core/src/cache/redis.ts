import type { Redis, RedisOptions } from "ioredis";
import { NinjaLeadError } from "../errors/index.js";
import type { Cache, CacheLock, TtlOptions } from "./types.js";
import { randomToken } from "./memory.js";

export interface RedisCacheOptions {
  /** An ioredis client you own (you close it), or a URL for which the cache makes its own client. */
  client?: Redis;
  url?: string;
  /** Prepended to every key so several apps can share one Redis. Default "nl:". */
  keyPrefix?: string;
}

// Adds and sets the TTL only when the key is created, in one round trip (atomic in Redis).
const INCREMENT = `local v = redis.call('INCRBY', KEYS[1], ARGV[1])
if tonumber(ARGV[2]) > 0 and v == tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return v`;
// Deletes the lock only if it still holds our token.
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/** Options that make a client fail fast while Redis is down instead of queueing commands forever. */
export const failFastRedisOptions: RedisOptions = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  connectTimeout: 2_000,
  lazyConnect: false,
  retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
};

/**
 * A cache on Redis through ioredis (an optional peer dependency of the SDK).
 *
 * @example
 * const cache = await createRedisCache({ url: "redis://127.0.0.1:6379" });
 * await cache.increment("ai:calls", 1, { ttlMs: 60_000 });
 */
export async function createRedisCache(options: RedisCacheOptions): Promise<Cache & { client: Redis }> {
  const prefix = options.keyPrefix ?? "nl:";
  let client: Redis;
  let owned = false;
  if (options.client) {
    client = options.client;
  } else if (options.url) {
    const mod = await import("ioredis");
    const RedisCtor = mod.Redis;
    client = new RedisCtor(options.url, failFastRedisOptions);
    client.on("error", () => {
      // Connection errors surface on the calls; the event must be handled or Node would throw.
    });
    owned = true;
    await waitForReady(client, 2_000);
  } else {
    throw new NinjaLeadError("invalid_config", "createRedisCache needs `client` or `url`");
  }
  const k = (key: string): string => prefix + key;
  const px = (opts?: TtlOptions): number =>
    opts?.ttlMs !== undefined && opts.ttlMs > 0 ? Math.ceil(opts.ttlMs) : 0;

  const wrap = async <T>(op: () => Promise<T>): Promise<T> => {
    try {
      return await op();
    } catch (error) {
      if (error instanceof NinjaLeadError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      if (/not an integer|WRONGTYPE/i.test(message)) {
        throw new NinjaLeadError("bad_request", `Redis rejected the command: ${message}`, { cause: error });
      }
      throw new NinjaLeadError("cache_unavailable", `Redis unavailable: ${message}`, { cause: error });
    }
  };

  return {
    client,
    backend: () => "redis",
    get: <T>(key: string) =>
      wrap(async () => {
        const raw = await client.get(k(key));
        return raw === null ? undefined : (JSON.parse(raw) as T);
      }),
    set: (key, value, opts) =>
      wrap(async () => {
        const ttl = px(opts);
        if (ttl > 0) await client.set(k(key), JSON.stringify(value), "PX", ttl);
        else await client.set(k(key), JSON.stringify(value));
      }),
    add: (key, value, opts) =>
      wrap(async () => {
        const ttl = px(opts);
        const res =
          ttl > 0
            ? await client.set(k(key), JSON.stringify(value), "PX", ttl, "NX")
            : await client.set(k(key), JSON.stringify(value), "NX");
        return res === "OK";
      }),
    delete: (key) => wrap(async () => (await client.del(k(key))) > 0),
    increment: (key, by = 1, opts) =>
      wrap(async () => {
        if (!Number.isInteger(by)) throw new NinjaLeadError("bad_request", "increment needs an integer step");
        return Number(await client.eval(INCREMENT, 1, k(key), by, px(opts)));
      }),
    ttl: (key) =>
      wrap(async () => {
        const ms = await client.pttl(k(key));
        if (ms === -2) return undefined;
        return ms === -1 ? Infinity : ms;
      }),
    acquireLock: (key, ttlMs) =>
      wrap(async () => {
        const lockKey = k(`lock:${key}`);
        const token = randomToken();
        const ok = await client.set(lockKey, token, "PX", Math.ceil(ttlMs), "NX");
        if (ok !== "OK") return null;
        const lock: CacheLock = {
          key,
          token,
          release: () => wrap(async () => Number(await client.eval(RELEASE, 1, lockKey, token)) === 1),
        };
        return lock;
      }),
    close: async () => {
      if (owned) client.disconnect();
      return Promise.resolve();
    },
  };
}

// Lets the first calls go to Redis instead of failing (or logging an outage) while it connects.
async function waitForReady(client: Redis, timeoutMs: number): Promise<void> {
  if (client.status === "ready") return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off("ready", done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    client.once("ready", done);
  });
}
