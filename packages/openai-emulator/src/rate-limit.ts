/** A continuously refilling bucket, as OpenAI enforces per-minute limits over short windows. */
export class Bucket {
  private level: number;
  private at: number;
  readonly perMs: number;
  readonly capacity: number;

  constructor(
    readonly perMinute: number,
    burstMs: number,
    private readonly now: () => number,
  ) {
    this.perMs = perMinute / 60_000;
    this.capacity = Math.max(1, this.perMs * burstMs);
    this.level = this.capacity;
    this.at = now();
  }

  private refill(): void {
    const t = this.now();
    this.level = Math.min(this.capacity, this.level + (t - this.at) * this.perMs);
    this.at = t;
  }

  /** How long until `amount` fits (0 = now). Requests larger than the bucket wait for a full one. */
  waitMs(amount: number): number {
    this.refill();
    const want = Math.min(amount, this.capacity);
    return this.level >= want ? 0 : (want - this.level) / this.perMs;
  }

  take(amount: number): void {
    this.refill();
    this.level -= Math.min(amount, this.capacity);
  }

  remaining(): number {
    this.refill();
    return Math.max(0, Math.floor(this.level));
  }

  /** Time until the bucket is full again, in OpenAI's duration format ("1.5s", "20ms"). */
  reset(): string {
    this.refill();
    const ms = Math.max(0, (this.capacity - this.level) / this.perMs);
    return ms < 1_000 ? `${Math.ceil(ms)}ms` : `${(ms / 1_000).toFixed(3)}s`;
  }
}
