import type { Cache } from "../cache/types.js";
import { AIError } from "./errors.js";
import type { UsageRecord } from "./types.js";

export interface QuotaOptions {
  creditsPerShop: number;
  windowMs?: number | undefined;
}

/** A hold on credits, settled exactly once by `commit` (charged) or `release` (returned). */
export interface Reservation {
  readonly id: string;
  readonly shopId: string;
  readonly credits: number;
  commit(): Promise<boolean>;
  release(): Promise<boolean>;
}

export interface QuotaBalance {
  limit: number;
  /** Credits held: charged plus reservations still in flight. */
  held: number;
  charged: number;
  available: number;
}

export interface UsageTotals {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  images: number;
  costUsd: number;
}

const MICRO = 1_000_000;

/**
 * Credits and usage per shop on the shared Cache. Reservation is one atomic `increment` of the
 * held counter: whoever pushes it past the limit takes their credits back out and is refused,
 * so a concurrent burst can never overdraw (Redis INCRBY, or the single-threaded memory cache).
 * Settling writes a marker with `add` first, so commit/release after a retry or twice is a no-op.
 */
export class QuotaLedger {
  constructor(
    private readonly cache: Cache,
    private readonly options: QuotaOptions | undefined,
    private readonly now: () => number,
  ) {}

  private window(): { suffix: string; ttlMs: number } {
    const w = this.options?.windowMs;
    if (!w) return { suffix: "all", ttlMs: 0 };
    return { suffix: String(Math.floor(this.now() / w)), ttlMs: w * 2 };
  }

  private keys(shopId: string): { held: string; charged: string; ttlMs: number } {
    const { suffix, ttlMs } = this.window();
    const base = `ai:quota:${encodeURIComponent(shopId)}:${suffix}`;
    return { held: `${base}:held`, charged: `${base}:charged`, ttlMs };
  }

  /** Holds `credits` for a call, or throws `quota_exceeded`. Undefined when quotas are off or no shop is given. */
  async reserve(shopId: string | undefined, credits: number): Promise<Reservation | undefined> {
    if (!this.options || shopId === undefined) return undefined;
    const { held, charged, ttlMs } = this.keys(shopId);
    const ttl = ttlMs > 0 ? { ttlMs } : {};
    const after = await this.cache.increment(held, credits, ttl);
    if (after > this.options.creditsPerShop) {
      await this.cache.increment(held, -credits, ttl);
      throw new AIError("quota_exceeded", `Shop ${shopId} has no AI credits left`, {
        retryable: false,
        details: { shopId, limit: this.options.creditsPerShop, requested: credits },
      });
    }
    const id = globalThis.crypto.randomUUID();
    const settle = async (how: "commit" | "release"): Promise<boolean> => {
      if (!(await this.cache.add(`ai:quota:settled:${id}`, how, { ttlMs: ttlMs || 24 * 3_600_000 })))
        return false;
      if (how === "commit") await this.cache.increment(charged, credits, ttl);
      else await this.cache.increment(held, -credits, ttl);
      return true;
    };
    return { id, shopId, credits, commit: () => settle("commit"), release: () => settle("release") };
  }

  /** The shop's credits in the current window. */
  async balance(shopId: string): Promise<QuotaBalance> {
    const limit = this.options?.creditsPerShop ?? Infinity;
    const { held, charged } = this.keys(shopId);
    const h = (await this.cache.get<number>(held)) ?? 0;
    const c = (await this.cache.get<number>(charged)) ?? 0;
    return { limit, held: h, charged: c, available: Math.max(0, limit - h) };
  }

  /** Adds one call to the shop's running usage totals (cost kept in micro-dollars, integers). */
  async record(record: UsageRecord): Promise<void> {
    const base = `ai:usage:${encodeURIComponent(record.shopId ?? "_")}`;
    await Promise.all([
      this.cache.increment(`${base}:calls`, 1),
      this.cache.increment(`${base}:inputTokens`, record.inputTokens),
      this.cache.increment(`${base}:outputTokens`, record.outputTokens),
      this.cache.increment(`${base}:images`, record.images),
      this.cache.increment(`${base}:costMicroUsd`, Math.round(record.costUsd * MICRO)),
    ]);
  }

  async usage(shopId: string | undefined): Promise<UsageTotals> {
    const base = `ai:usage:${encodeURIComponent(shopId ?? "_")}`;
    const read = async (k: string): Promise<number> => (await this.cache.get<number>(`${base}:${k}`)) ?? 0;
    return {
      calls: await read("calls"),
      inputTokens: await read("inputTokens"),
      outputTokens: await read("outputTokens"),
      images: await read("images"),
      costUsd: (await read("costMicroUsd")) / MICRO,
    };
  }
}
