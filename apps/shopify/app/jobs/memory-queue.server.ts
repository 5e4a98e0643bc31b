import type { Logger } from "@ninjalead/core";
import {
  DEFAULT_ATTEMPTS,
  DEFAULT_BACKOFF_MS,
  errorText,
  isPermanentFailure,
  type DeadLetter,
  type JobHandler,
  type JobOptions,
  type JobQueue,
  type QueueStats,
} from "./queue.server.js";

interface Entry<T> {
  id: string;
  name: string;
  data: T;
  attempt: number;
  attempts: number;
  backoffMs: number;
  readyAt: number;
  enqueuedAt: number;
}

/**
 * The in-process queue (the demo, and any install without Redis): the same contract as BullMQ,
 * jobs held in memory (lost on restart; the demo's reconciliation heals the mirror).
 *
 * @example
 * const queue = createMemoryQueue<{ shop: string }>("sync", { logger });
 * queue.start(async (job) => syncShop(job.data.shop));
 * await queue.add("sync", { shop }, { jobId: `sync:${shop}` });
 */
export function createMemoryQueue<T>(
  name: string,
  options: { logger: Logger; dedupeWindowMs?: number; maxDeadLetters?: number },
): JobQueue<T> {
  const dedupeWindowMs = options.dedupeWindowMs ?? 3_600_000;
  const ready: Entry<T>[] = [];
  const delayed = new Set<Entry<T>>();
  const timers = new Set<NodeJS.Timeout>();
  const active = new Set<Promise<void>>();
  const known = new Map<string, number>(); // jobId → when it was last queued or finished
  const dead: DeadLetter<T>[] = [];
  const idleWaiters: (() => void)[] = [];
  let handler: JobHandler<T> | undefined;
  let concurrency = 1;
  let closing = false;
  let sequence = 0;

  let idleHorizon = 0; // delayed jobs due after this instant do not keep the queue busy
  const isIdle = () =>
    ready.length === 0 && active.size === 0 && [...delayed].every((e) => e.readyAt > idleHorizon);
  const notifyIdle = () => {
    if (!isIdle()) return;
    for (const resolve of idleWaiters.splice(0)) resolve();
  };

  const schedule = (entry: Entry<T>) => {
    const wait = entry.readyAt - Date.now();
    if (wait <= 0) {
      ready.push(entry);
      pump();
      return;
    }
    delayed.add(entry);
    const timer = setTimeout(() => {
      timers.delete(timer);
      delayed.delete(entry);
      ready.push(entry);
      pump();
    }, wait);
    timers.add(timer);
  };

  const run = async (entry: Entry<T>, run: JobHandler<T>) => {
    try {
      await run({ id: entry.id, name: entry.name, data: entry.data, attempt: entry.attempt });
      known.set(entry.id, Date.now());
    } catch (error) {
      if (entry.attempt >= entry.attempts || isPermanentFailure(error)) {
        dead.unshift({
          id: entry.id,
          name: entry.name,
          data: entry.data,
          error: errorText(error),
          attempts: entry.attempt,
        });
        dead.length = Math.min(dead.length, options.maxDeadLetters ?? 1_000);
        options.logger.error("job dead-lettered", {
          queue: name,
          job: entry.name,
          id: entry.id,
          error: errorText(error),
        });
        known.set(entry.id, Date.now());
        return;
      }
      if (closing) {
        // In memory, a retry cannot outlive the process: say so instead of losing it silently.
        options.logger.warn("job retry abandoned at shutdown", {
          queue: name,
          job: entry.name,
          id: entry.id,
        });
        return;
      }
      const delay = entry.backoffMs * 2 ** (entry.attempt - 1);
      options.logger.warn("job failed, retrying", {
        queue: name,
        job: entry.name,
        id: entry.id,
        attempt: entry.attempt,
        delayMs: delay,
      });
      schedule({ ...entry, attempt: entry.attempt + 1, readyAt: Date.now() + delay });
    }
  };

  function pump(): void {
    while (handler && !closing && active.size < concurrency && ready.length > 0) {
      const entry = ready.shift();
      if (!entry) break;
      const jobHandler = handler;
      // Start on the next turn of the event loop: whoever enqueued (an HTTP request answering a
      // webhook) finishes first, and pending I/O is served before a job's synchronous work.
      const promise = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => run(entry, jobHandler))
        .finally(() => {
          active.delete(promise);
          pump();
          notifyIdle();
        });
      active.add(promise);
    }
  }

  return {
    name,
    backend: "memory",
    add(jobName, data, jobOptions: JobOptions = {}) {
      if (closing) return Promise.reject(new Error(`queue ${name} is closed`));
      const now = Date.now();
      // Oldest first (insertion order): stop at the first id still inside the window.
      for (const [id, at] of known) {
        if (now - at <= dedupeWindowMs) break;
        known.delete(id);
      }
      // BullMQ refuses ":" in custom ids; refusing it here too keeps the two interchangeable.
      if (jobOptions.jobId?.includes(":")) return Promise.reject(new Error("Custom Id cannot contain :"));
      const id = jobOptions.jobId ?? `${name}-${++sequence}-${now}`;
      if (jobOptions.jobId && known.has(id)) return Promise.resolve({ id, added: false });
      known.set(id, now);
      schedule({
        id,
        name: jobName,
        data,
        attempt: 1,
        attempts: jobOptions.attempts ?? DEFAULT_ATTEMPTS,
        backoffMs: jobOptions.backoffMs ?? DEFAULT_BACKOFF_MS,
        readyAt: now + (jobOptions.delayMs ?? 0),
        enqueuedAt: now,
      });
      return Promise.resolve({ id, added: true });
    },
    start(jobHandler, startOptions = {}) {
      if (handler) throw new Error(`queue ${name} already has a handler`);
      handler = jobHandler;
      concurrency = startOptions.concurrency ?? 1;
      pump();
    },
    stats(): Promise<QueueStats> {
      const oldest = ready.reduce((min, e) => Math.min(min, e.readyAt), Number.POSITIVE_INFINITY);
      return Promise.resolve({
        waiting: ready.length,
        active: active.size,
        delayed: delayed.size,
        failed: dead.length,
        lagMs: ready.length === 0 ? 0 : Math.max(0, Date.now() - oldest),
      });
    },
    deadLetters(limit = 100) {
      return Promise.resolve(dead.slice(0, limit));
    },
    idle(timeoutMs = 30_000) {
      idleHorizon = Date.now() + timeoutMs;
      if (isIdle()) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`queue ${name} not idle after ${timeoutMs} ms`)),
          timeoutMs,
        );
        idleWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    async close() {
      closing = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...active]);
    },
  };
}
