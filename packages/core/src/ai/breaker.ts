export type BreakerState = "closed" | "open" | "half-open";

export interface BreakerOptions {
  /** Consecutive failed attempts that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one probe is let through. */
  cooldownMs: number;
}

export const DEFAULT_BREAKER: BreakerOptions = { failureThreshold: 5, cooldownMs: 30_000 };

/**
 * A per-provider circuit breaker: after `failureThreshold` consecutive provider failures the
 * provider is skipped for `cooldownMs`; then a single probe is allowed (half-open) and its
 * outcome closes or re-opens the circuit. Caller mistakes (bad requests) do not count.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private current: BreakerState = "closed";
  private probeInFlight = false;

  constructor(
    private readonly options: BreakerOptions,
    private readonly now: () => number,
  ) {}

  /** The state as of now (an open circuit past its cooldown reads as half-open). */
  state(): BreakerState {
    if (this.current === "open" && this.now() - this.openedAt >= this.options.cooldownMs) return "half-open";
    return this.current;
  }

  /** True when a call may go to the provider; in half-open only one probe at a time passes. */
  tryAcquire(): boolean {
    const state = this.state();
    if (state === "closed") return true;
    if (state === "open" || this.probeInFlight) return false;
    this.current = "half-open";
    this.probeInFlight = true;
    return true;
  }

  onSuccess(): void {
    this.failures = 0;
    this.current = "closed";
    this.probeInFlight = false;
  }

  onFailure(): void {
    this.failures += 1;
    if (this.current === "half-open" || this.failures >= this.options.failureThreshold) {
      this.current = "open";
      this.openedAt = this.now();
    }
    this.probeInFlight = false;
  }

  /** Neither success nor failure (e.g. the caller aborted): frees a half-open probe slot. */
  onNeutral(): void {
    this.probeInFlight = false;
  }
}
