/** Shopify's leaky bucket of query cost points (per app and shop). */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/**
 * A cost bucket that refills continuously at `restoreRate` points per second up to
 * `maximumAvailable`. A request is admitted only when the bucket holds its requested cost; after
 * execution the difference between requested and actual cost is given back, as Shopify does.
 *
 * @example
 * const bucket = new CostBucket({ maximumAvailable: 2000, restoreRate: 100 });
 * bucket.tryTake(52); // → true
 */
export class CostBucket {
  private available: number;
  private updatedAt: number;
  private drainOnNextTake = false;
  readonly maximumAvailable: number;
  readonly restoreRate: number;

  constructor(
    options: { maximumAvailable: number; restoreRate: number },
    private readonly nowMs: () => number = () => performance.now(),
  ) {
    this.maximumAvailable = options.maximumAvailable;
    this.restoreRate = options.restoreRate;
    this.available = options.maximumAvailable;
    this.updatedAt = nowMs();
  }

  private refill(): void {
    const now = this.nowMs();
    this.available = Math.min(
      this.maximumAvailable,
      this.available + ((now - this.updatedAt) / 1000) * this.restoreRate,
    );
    this.updatedAt = now;
  }

  /** Takes `cost` points if available; returns false (taking nothing) otherwise. */
  tryTake(cost: number): boolean {
    this.refill();
    if (this.drainOnNextTake) {
      this.drainOnNextTake = false;
      this.available = 0;
    }
    if (this.available < cost) return false;
    this.available -= cost;
    return true;
  }

  /** Gives back points charged but not used (requested − actual). */
  refund(points: number): void {
    this.refill();
    this.available = Math.min(this.maximumAvailable, this.available + Math.max(points, 0));
  }

  /** Empties the bucket (tests use it to provoke THROTTLED). */
  drain(): void {
    this.refill();
    this.available = 0;
  }

  /**
   * Empties the bucket the moment the next request asks for points, however long it takes to
   * arrive: a deterministic THROTTLED even on a loaded machine where a fast refill would win.
   */
  drainBeforeNextRequest(): void {
    this.drainOnNextTake = true;
  }

  status(): ThrottleStatus {
    this.refill();
    return {
      maximumAvailable: this.maximumAvailable,
      currentlyAvailable: Math.floor(this.available),
      restoreRate: this.restoreRate,
    };
  }
}
