import { sleep } from "./retry.js";

export interface RateLimits {
  rpm?: number | undefined;
  tpm?: number | undefined;
}

export interface RateLimiterOptions {
  /** Fraction of the published limit we aim for, leaving room for clock skew. Default 0.98. */
  safety?: number;
  /**
   * Burst allowed, as this many ms of refill. Default 250: smaller than the provider's own
   * burst, because requests we grant may reach the server late (a busy event loop), after the
   * server's full bucket has wasted its refill, and would then be refused.
   */
  burstMs?: number;
  now?: () => number;
  /**
   * With no configured limits, send one probe request and wait for its x-ratelimit-* headers
   * before letting a batch loose (otherwise the first burst is blind). Default true.
   */
  learn?: boolean;
}

interface Bucket {
  perMs: number;
  capacity: number;
  level: number;
  at: number;
}

interface Waiter {
  tokens: number;
  resolve: () => void;
}

/** Parses OpenAI's reset durations ("1s", "6m0s", "20ms", "1h2m3.5s") into milliseconds. */
export function parseResetDuration(value: string | undefined): number | undefined {
  if (!value) return undefined;
  let total = 0;
  let matched = false;
  for (const m of value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) {
    matched = true;
    const n = Number(m[1]);
    total += m[2] === "ms" ? n : m[2] === "s" ? n * 1_000 : m[2] === "m" ? n * 60_000 : n * 3_600_000;
  }
  if (matched) return total;
  const seconds = Number(value);
  return Number.isFinite(seconds) ? seconds * 1_000 : undefined;
}

/**
 * Token buckets for one provider's requests-per-minute and tokens-per-minute. Callers wait in
 * FIFO order until both buckets hold enough, so a batch runs at the limit instead of bouncing
 * off it. Limits come from config and are corrected from each response's `x-ratelimit-*`
 * headers; a 429 pauses everyone until the reset the server announced.
 */
export class RateLimiter {
  private requests: Bucket | undefined;
  private tokens: Bucket | undefined;
  private pausedUntil = 0;
  /** Until a response has told us the limits (or that there are none), one probe at a time. */
  private known: boolean;
  private probing = false;
  private readonly queue: Waiter[] = [];
  private pumping = false;
  private readonly safety: number;
  private readonly burstMs: number;
  private readonly now: () => number;

  constructor(limits: RateLimits = {}, options: RateLimiterOptions = {}) {
    this.safety = options.safety ?? 0.98;
    this.burstMs = options.burstMs ?? 250;
    this.now = options.now ?? (() => performance.now());
    if (limits.rpm) this.requests = this.bucket(limits.rpm);
    if (limits.tpm) this.tokens = this.bucket(limits.tpm);
    this.known = options.learn === false || this.requests !== undefined || this.tokens !== undefined;
  }

  /** Current per-minute limits in force (undefined until configured or learnt). */
  limits(): RateLimits {
    const perMinute = (b: Bucket | undefined): number | undefined =>
      b ? Math.round((b.perMs * 60_000) / this.safety) : undefined;
    return { rpm: perMinute(this.requests), tpm: perMinute(this.tokens) };
  }

  /** Waits for one request carrying `tokens` (prompt + max output) to be allowed. */
  async acquire(tokens: number, signal?: AbortSignal): Promise<void> {
    if (
      this.known &&
      !this.requests &&
      !this.tokens &&
      this.pausedUntil <= this.now() &&
      this.queue.length === 0
    )
      return;
    let waiter: Waiter | undefined;
    const granted = new Promise<void>((resolve) => {
      waiter = { tokens, resolve };
      this.queue.push(waiter);
    });
    void this.pump();
    if (!signal) return granted;
    const aborted = new Promise<never>((_, reject) => {
      const onAbort = (): void => {
        const i = waiter ? this.queue.indexOf(waiter) : -1;
        if (i >= 0) this.queue.splice(i, 1);
        reject(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener("abort", onAbort, { once: true });
      void granted.then(() => signal.removeEventListener("abort", onAbort));
    });
    await Promise.race([granted, aborted]);
  }

  /** Learns limits and remaining budget from a response's `x-ratelimit-*` headers. */
  observe(headers: Readonly<Record<string, string>>): void {
    this.known = true;
    this.probing = false;
    const num = (name: string): number | undefined => {
      const v = headers[name];
      if (v === undefined) return undefined;
      const n = Number(v);
      return Number.isFinite(n) ? n : undefined;
    };
    this.requests = this.adjust(
      this.requests,
      num("x-ratelimit-limit-requests"),
      num("x-ratelimit-remaining-requests"),
    );
    this.tokens = this.adjust(
      this.tokens,
      num("x-ratelimit-limit-tokens"),
      num("x-ratelimit-remaining-tokens"),
    );
    // The server says a bucket is empty: nobody goes until it said it refills.
    for (const kind of ["requests", "tokens"] as const) {
      if (num(`x-ratelimit-remaining-${kind}`) === 0) {
        const reset = parseResetDuration(headers[`x-ratelimit-reset-${kind}`]);
        if (reset !== undefined) this.pause(reset);
      }
    }
    void this.pump();
  }

  /** A call ended without an HTTP answer (connection error, abort): let the next caller probe. */
  settle(): void {
    if (!this.probing) return;
    this.probing = false;
    void this.pump();
  }

  /** Holds every caller for `ms` (after a 429 with Retry-After). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
    for (const b of [this.requests, this.tokens]) {
      if (b) {
        this.refill(b);
        b.level = Math.min(b.level, 0);
      }
    }
  }

  private bucket(perMinute: number): Bucket {
    const perMs = (perMinute * this.safety) / 60_000;
    const capacity = Math.max(1, perMs * this.burstMs);
    return { perMs, capacity, level: capacity, at: this.now() };
  }

  private adjust(
    bucket: Bucket | undefined,
    limit: number | undefined,
    remaining: number | undefined,
  ): Bucket | undefined {
    let b = bucket;
    if (limit !== undefined && limit > 0) {
      const fresh = this.bucket(limit);
      if (!b) b = fresh;
      else if (Math.abs(fresh.perMs - b.perMs) / b.perMs > 0.01) {
        this.refill(b);
        b = { ...fresh, level: Math.min(b.level, fresh.capacity) };
      }
    }
    if (b && remaining !== undefined) {
      this.refill(b);
      b.level = Math.min(b.level, remaining);
    }
    return b;
  }

  private refill(b: Bucket): void {
    const t = this.now();
    b.level = Math.min(b.capacity, b.level + (t - b.at) * b.perMs);
    b.at = t;
  }

  /** Grants waiters in order while both buckets allow; otherwise sleeps until they will. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        const head = this.queue[0];
        if (!head) return;
        const paused = this.pausedUntil - this.now();
        if (paused > 0) {
          await sleep(Math.ceil(paused));
          continue;
        }
        if (!this.known) {
          if (this.probing) return; // observe() restarts the pump when the probe's answer is in
          this.probing = true;
          this.queue.shift();
          head.resolve();
          continue;
        }
        const wait = this.waitFor(head.tokens);
        if (wait <= 0) {
          this.queue.shift();
          if (this.requests) this.requests.level -= 1;
          if (this.tokens) this.tokens.level -= Math.min(head.tokens, this.tokens.capacity);
          head.resolve();
          continue;
        }
        await sleep(Math.max(1, Math.ceil(wait)));
      }
    } finally {
      this.pumping = false;
    }
  }

  private waitFor(tokens: number): number {
    const pause = this.pausedUntil - this.now();
    let wait = pause > 0 ? pause : 0;
    for (const [b, need] of [
      [this.requests, 1],
      [this.tokens, tokens],
    ] as const) {
      if (!b) continue;
      this.refill(b);
      const want = Math.min(need, b.capacity); // a request bigger than the bucket waits for a full one
      if (b.level < want) wait = Math.max(wait, (want - b.level) / b.perMs);
    }
    return wait;
  }
}
