import { silentLogger, type Logger } from "../logger.js";
import { createMemoryCache, type MemoryCacheOptions } from "./memory.js";
import { createRedisCache } from "./redis.js";
import { createResilientCache } from "./resilient.js";
import type { Cache } from "./types.js";

export type { Cache, CacheLock, TtlOptions } from "./types.js";
export { createMemoryCache, type MemoryCacheOptions } from "./memory.js";
export { createRedisCache, failFastRedisOptions, type RedisCacheOptions } from "./redis.js";
export { createResilientCache, type ResilientCacheOptions } from "./resilient.js";

export interface CreateCacheOptions {
  /** Redis URL; without it the cache lives in memory. */
  redisUrl?: string | undefined;
  keyPrefix?: string;
  memory?: MemoryCacheOptions;
  logger?: Logger;
}

/**
 * The cache the app and the SDK use: Redis when `redisUrl` is given (falling back to memory
 * while Redis is unreachable, and back again when it returns), memory otherwise.
 *
 * @example
 * const cache = await createCache({ redisUrl: process.env.REDIS_URL });
 * const lock = await cache.acquireLock("sync:shop-1", 30_000);
 */
export async function createCache(options: CreateCacheOptions = {}): Promise<Cache> {
  const memory = createMemoryCache(options.memory);
  if (!options.redisUrl) return memory;
  const redis = await createRedisCache({
    url: options.redisUrl,
    ...(options.keyPrefix === undefined ? {} : { keyPrefix: options.keyPrefix }),
  });
  return createResilientCache({
    primary: redis,
    fallback: memory,
    isPrimaryUp: () => redis.client.status === "ready",
    logger: options.logger ?? silentLogger,
  });
}
