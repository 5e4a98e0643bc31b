import { NinjaLeadError } from "../errors/index.js";
import type { Cache, CacheLock, TtlOptions } from "./types.js";

export interface MemoryCacheOptions {
  /** Upper bound on entries; the least recently used entry is evicted beyond it. Default 10,000. */
  maxEntries?: number;
  /** Clock, injectable for tests. */
  now?: () => number;
}

interface Entry {
  value: string;
  expiresAt: number; // 0 = never
}

const INTEGER = /^-?\d+$/;

/**
 * An in-process cache: bounded LRU with per-key TTL. The default when no Redis is configured,
 * and the fallback while Redis is unreachable.
 *
 * @example
 * const cache = createMemoryCache({ maxEntries: 1000 });
 * await cache.set("greeting", { text: "hi" }, { ttlMs: 60_000 });
 */
export function createMemoryCache(options: MemoryCacheOptions = {}): Cache {
  const maxEntries = options.maxEntries ?? 10_000;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new NinjaLeadError("invalid_config", "maxEntries must be a positive integer");
  }
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();

  const expiry = (opts?: TtlOptions): number =>
    opts?.ttlMs !== undefined && opts.ttlMs > 0 ? now() + opts.ttlMs : 0;

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== 0 && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  const write = (key: string, entry: Entry): void => {
    entries.delete(key); // re-insert at the most-recent end
    entries.set(key, entry);
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next();
      if (oldest.done === true) break;
      entries.delete(oldest.value);
    }
  };

  const cache: Cache = {
    backend: () => "memory",
    get<T>(key: string) {
      const entry = live(key);
      if (!entry) return Promise.resolve(undefined);
      write(key, entry); // touch for LRU
      return Promise.resolve(JSON.parse(entry.value) as T);
    },
    set(key, value, opts) {
      write(key, { value: JSON.stringify(value), expiresAt: expiry(opts) });
      return Promise.resolve();
    },
    add(key, value, opts) {
      if (live(key)) return Promise.resolve(false);
      write(key, { value: JSON.stringify(value), expiresAt: expiry(opts) });
      return Promise.resolve(true);
    },
    delete(key) {
      const existed = live(key) !== undefined;
      entries.delete(key);
      return Promise.resolve(existed);
    },
    increment(key, by = 1, opts) {
      if (!Number.isInteger(by)) {
        return Promise.reject(new NinjaLeadError("bad_request", "increment needs an integer step"));
      }
      const entry = live(key);
      if (entry && !INTEGER.test(entry.value)) {
        return Promise.reject(
          new NinjaLeadError("bad_request", `Cache key "${key}" does not hold an integer`),
        );
      }
      const next = (entry ? Number(entry.value) : 0) + by;
      write(key, { value: String(next), expiresAt: entry ? entry.expiresAt : expiry(opts) });
      return Promise.resolve(next);
    },
    ttl(key) {
      const entry = live(key);
      if (!entry) return Promise.resolve(undefined);
      return Promise.resolve(entry.expiresAt === 0 ? Infinity : entry.expiresAt - now());
    },
    acquireLock(key, ttlMs) {
      const lockKey = `lock:${key}`;
      if (live(lockKey)) return Promise.resolve(null);
      const token = randomToken();
      write(lockKey, { value: JSON.stringify(token), expiresAt: now() + ttlMs });
      const lock: CacheLock = {
        key,
        token,
        release() {
          const held = live(lockKey);
          if (!held || held.value !== JSON.stringify(token)) return Promise.resolve(false);
          entries.delete(lockKey);
          return Promise.resolve(true);
        },
      };
      return Promise.resolve(lock);
    },
    close() {
      entries.clear();
      return Promise.resolve();
    },
  };
  return cache;
}

/** A random lock token; Web Crypto is available in every runtime the SDK supports. */
export function randomToken(): string {
  return globalThis.crypto.randomUUID();
}
