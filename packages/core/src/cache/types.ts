/** Options for writes that can expire. */
export interface TtlOptions {
  /** Time to live in milliseconds; omitted or 0 means no expiry. */
  ttlMs?: number;
}

/** A held lock; `release()` frees it only if it is still ours (its token still matches). */
export interface CacheLock {
  readonly key: string;
  readonly token: string;
  release(): Promise<boolean>;
}

/**
 * The cache contract every adapter honours (one test suite runs against all of them).
 * Values are JSON-serialised, so what you get back is a copy, never the object you stored.
 */
export interface Cache {
  /** Which backend answered the last call: useful for health checks and tests. */
  readonly backend: () => "memory" | "redis";
  get<T = unknown>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, options?: TtlOptions): Promise<void>;
  /** Sets only if absent; true when this call wrote the value (idempotency keys, dedupe). */
  add(key: string, value: unknown, options?: TtlOptions): Promise<boolean>;
  delete(key: string): Promise<boolean>;
  /** Atomically adds `by` (default 1) to an integer counter and returns the new value. The TTL applies when the counter is created. */
  increment(key: string, by?: number, options?: TtlOptions): Promise<number>;
  /** Remaining time to live in ms; undefined if the key is absent, Infinity if it never expires. */
  ttl(key: string): Promise<number | undefined>;
  /** Tries once to take an exclusive lock for `ttlMs`; null when someone else holds it. */
  acquireLock(key: string, ttlMs: number): Promise<CacheLock | null>;
  /** Frees connections and timers. */
  close(): Promise<void>;
}
