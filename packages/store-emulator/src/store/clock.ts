/**
 * A clock for `updatedAt` stamps: second precision like Shopify's, but strictly increasing, so
 * two edits within the same second still compare as "newer" (webhook ordering tests rely on it).
 */
export class MonotonicClock {
  private lastSeconds = 0;

  constructor(private readonly nowMs: () => number = Date.now) {}

  /** The next ISO timestamp (seconds, `Z`), strictly after the previous one. */
  tick(): string {
    const seconds = Math.max(Math.floor(this.nowMs() / 1000), this.lastSeconds + 1);
    this.lastSeconds = seconds;
    return isoSeconds(seconds * 1000);
  }

  /** Makes sure later ticks come after `iso` (used after seeding records stamped in the future). */
  observe(iso: string): void {
    const seconds = Math.floor(Date.parse(iso) / 1000);
    if (Number.isFinite(seconds) && seconds > this.lastSeconds) this.lastSeconds = seconds;
  }
}

/** `2026-01-02T03:04:05Z` */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}
