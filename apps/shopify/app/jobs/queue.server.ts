/**
 * The job queue contract. Two implementations pass the same suite (test/jobs/queue-contract):
 * BullMQ on Redis for production, and an in-process queue for the demo (no Redis).
 *
 * Semantics both honour: a job runs at least once and at most `attempts` times, retries back off
 * exponentially, a job that exhausts its attempts (or throws a non-retryable error) lands in the
 * dead-letter list, `add` with a `jobId` already queued is a no-op, and `close` stops taking jobs
 * and waits for the running ones. Handlers must be idempotent (a job can run twice after a crash).
 */
export interface JobOptions {
  /** Idempotency key: adding a job whose id is already queued (or recently done) does nothing. */
  jobId?: string;
  delayMs?: number;
  /** Total tries, first included. Default 5. */
  attempts?: number;
  /** First retry delay; doubles each retry. Default 500 ms. */
  backoffMs?: number;
}

export interface Job<T> {
  id: string;
  name: string;
  data: T;
  /** 1 on the first run. */
  attempt: number;
}

export type JobHandler<T> = (job: Job<T>) => Promise<void>;

export interface DeadLetter<T = unknown> {
  id: string;
  name: string;
  data: T;
  error: string;
  attempts: number;
}

export interface QueueStats {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  /** Age of the oldest job ready to run, in ms (0 when none waits): the queue's lag. */
  lagMs: number;
}

export interface JobQueue<T = unknown> {
  readonly name: string;
  readonly backend: "bullmq" | "memory";
  add(name: string, data: T, options?: JobOptions): Promise<{ id: string; added: boolean }>;
  /** Starts consuming with `handler` (once per queue). */
  start(handler: JobHandler<T>, options?: { concurrency?: number }): void;
  stats(): Promise<QueueStats>;
  deadLetters(limit?: number): Promise<DeadLetter<T>[]>;
  /**
   * Resolves when nothing is waiting or running and no delayed job (a retry) falls due within
   * `timeoutMs`; a job scheduled for later than that (a purge in 48 h) does not count.
   * For tests and the demo's initial sync.
   */
  idle(timeoutMs?: number): Promise<void>;
  /** Graceful: no new job starts; resolves once the running ones finished. */
  close(): Promise<void>;
}

export const DEFAULT_ATTEMPTS = 5;
export const DEFAULT_BACKOFF_MS = 500;

/** An error the handler knows retrying cannot fix (bad payload): straight to the dead letters. */
export function isPermanentFailure(error: unknown): boolean {
  return typeof error === "object" && error !== null && "retryable" in error && error.retryable === false;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
