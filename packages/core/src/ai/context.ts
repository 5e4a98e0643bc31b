import type { Cache } from "../cache/types.js";
import { isNinjaLeadError } from "../errors/index.js";
import type { Logger } from "../logger.js";
import type { CircuitBreaker } from "./breaker.js";
import type { ResolvedAIConfig } from "./config.js";
import type { ImageStore } from "./images.js";
import type { QuotaLedger } from "./ledger.js";
import type { PriceTable } from "./prices.js";
import type { RemoteProvider } from "./provider.js";
import type { RateLimiter } from "./rate-limiter.js";
import type { UsageRecord } from "./types.js";

/** A configured remote provider with its own circuit breaker and rate limiter. */
export interface Slot {
  provider: RemoteProvider;
  breaker: CircuitBreaker;
  limiter: RateLimiter;
}

/** Everything a generation needs from the engine; built once by `createAI`. */
export interface EngineContext {
  cfg: ResolvedAIConfig;
  now: () => number;
  random: () => number;
  logger: Logger;
  cache: Cache;
  store: ImageStore;
  prices: PriceTable;
  ledger: QuotaLedger;
  /** Remote providers in fallback order. */
  slots: readonly Slot[];
  offlineAllowed: boolean;
}

const codeOf = (error: unknown): string => (isNinjaLeadError(error) ? error.code : "internal");

/** Adds a call to the usage totals and hands it to `onUsage`. */
export async function recordUsage(engine: EngineContext, record: UsageRecord): Promise<void> {
  try {
    await engine.ledger.record(record);
  } catch (error) {
    // Usage totals are bookkeeping: a cache outage must not fail a generation that succeeded.
    engine.logger.warn("ai usage not recorded", { code: codeOf(error) });
  }
  engine.cfg.onUsage?.(record);
}

/** A response-cache read; a cache outage means a fresh call, never a failure. */
export async function cacheRead<T>(engine: EngineContext, key: string): Promise<T | undefined> {
  try {
    return await engine.cache.get<T>(key);
  } catch (error) {
    engine.logger.warn("ai cache read failed", { code: codeOf(error) });
    return undefined;
  }
}

export async function cacheWrite(engine: EngineContext, key: string, value: unknown): Promise<void> {
  if (engine.cfg.cacheTtlMs === 0) return;
  try {
    await engine.cache.set(key, value, { ttlMs: engine.cfg.cacheTtlMs });
  } catch (error) {
    engine.logger.warn("ai cache write failed", { code: codeOf(error) });
  }
}
