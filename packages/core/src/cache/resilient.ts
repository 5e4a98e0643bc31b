import { isNinjaLeadError } from "../errors/index.js";
import { silentLogger, type Logger } from "../logger.js";
import type { Cache } from "./types.js";

export interface ResilientCacheOptions {
  primary: Cache;
  fallback: Cache;
  /** Tells whether the primary is reachable right now (e.g. ioredis `status === "ready"`). */
  isPrimaryUp: () => boolean;
  logger?: Logger;
}

/**
 * Serves from `primary` while it is up and from `fallback` while it is not, so callers never see
 * a cache outage. One warning per outage, one info line on recovery. State is not copied between
 * the two: during an outage the fallback starts cold, which a cache may do.
 */
export function createResilientCache(options: ResilientCacheOptions): Cache {
  const { primary, fallback, isPrimaryUp } = options;
  const logger = options.logger ?? silentLogger;
  let degraded = false;

  const degrade = (reason: string): void => {
    if (degraded) return;
    degraded = true;
    logger.warn("cache: Redis unreachable, serving from memory until it returns", { reason });
  };
  const pick = (): Cache => {
    if (isPrimaryUp()) {
      if (degraded) {
        degraded = false;
        logger.info("cache: Redis is back, serving from Redis again");
      }
      return primary;
    }
    degrade("not connected");
    return fallback;
  };
  const run = async <T>(op: (cache: Cache) => Promise<T>): Promise<T> => {
    const target = pick();
    if (target === fallback) return op(fallback);
    try {
      return await op(primary);
    } catch (error) {
      if (isNinjaLeadError(error) && error.code === "cache_unavailable") {
        degrade(error.message);
        return op(fallback);
      }
      throw error;
    }
  };

  return {
    backend: () => (isPrimaryUp() ? primary.backend() : fallback.backend()),
    get: (key) => run((c) => c.get(key)),
    set: (key, value, opts) => run((c) => c.set(key, value, opts)),
    add: (key, value, opts) => run((c) => c.add(key, value, opts)),
    delete: (key) => run((c) => c.delete(key)),
    increment: (key, by, opts) => run((c) => c.increment(key, by, opts)),
    ttl: (key) => run((c) => c.ttl(key)),
    acquireLock: (key, ttlMs) => run((c) => c.acquireLock(key, ttlMs)),
    close: async () => {
      await Promise.all([primary.close(), fallback.close()]);
    },
  };
}
