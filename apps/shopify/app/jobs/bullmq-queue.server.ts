import type { Logger } from "@ninjalead/core";
import { Queue, UnrecoverableError, Worker, type ConnectionOptions } from "bullmq";
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

function connectionFromUrl(redisUrl: string): ConnectionOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.pathname.length > 1 ? { db: Number(url.pathname.slice(1)) } : {}),
    ...(url.protocol === "rediss:" ? { tls: {} } : {}),
    // Workers block on Redis: commands must wait for a reconnect rather than fail after N tries.
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => Math.min(times * 200, 2_000),
  };
}

/**
 * A BullMQ queue on Redis behind the JobQueue contract. Completed jobs are kept an hour (so a
 * re-added jobId is recognised), failed ones are the dead-letter list.
 *
 * @example
 * const queue = createBullmqQueue<WebhookJob>("webhooks", { redisUrl, logger });
 * queue.start(applyWebhook, { concurrency: 4 });
 */
export function createBullmqQueue<T>(
  name: string,
  options: { redisUrl: string; logger: Logger; prefix?: string },
): JobQueue<T> {
  const connection = connectionFromUrl(options.redisUrl);
  const prefix = options.prefix ?? "ninjalead";
  const queue = new Queue(name, { connection, prefix });
  queue.on("error", (error) =>
    options.logger.warn("queue connection error", { queue: name, error: errorText(error) }),
  );
  let worker: Worker | undefined;
  const idleWaiters = new Set<() => void>();

  return {
    name,
    backend: "bullmq",
    async add(jobName, data, jobOptions: JobOptions = {}) {
      if (jobOptions.jobId && (await queue.getJob(jobOptions.jobId)))
        return { id: jobOptions.jobId, added: false };
      const job = await queue.add(jobName, data, {
        ...(jobOptions.jobId ? { jobId: jobOptions.jobId } : {}),
        ...(jobOptions.delayMs ? { delay: jobOptions.delayMs } : {}),
        attempts: jobOptions.attempts ?? DEFAULT_ATTEMPTS,
        backoff: { type: "exponential", delay: jobOptions.backoffMs ?? DEFAULT_BACKOFF_MS },
        removeOnComplete: { age: 3_600, count: 10_000 },
        removeOnFail: { count: 10_000 },
      });
      return { id: job.id ?? jobOptions.jobId ?? "", added: true };
    },
    start(handler: JobHandler<T>, startOptions = {}) {
      if (worker) throw new Error(`queue ${name} already has a handler`);
      worker = new Worker(
        name,
        async (job) => {
          try {
            await handler({
              id: job.id ?? "",
              name: job.name,
              data: job.data as T,
              attempt: job.attemptsMade + 1,
            });
          } catch (error) {
            // A permanent failure skips the remaining attempts (BullMQ's UnrecoverableError).
            if (isPermanentFailure(error)) throw new UnrecoverableError(errorText(error));
            throw error;
          }
        },
        { connection, prefix, concurrency: startOptions.concurrency ?? 1 },
      );
      worker.on("error", (error) =>
        options.logger.warn("worker connection error", { queue: name, error: errorText(error) }),
      );
      worker.on("failed", (job, error) => {
        if (!job) return;
        const final = job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError;
        const fields = {
          queue: name,
          job: job.name,
          id: job.id,
          attempt: job.attemptsMade,
          error: errorText(error),
        };
        if (final) options.logger.error("job dead-lettered", fields);
        else options.logger.warn("job failed, retrying", fields);
      });
      const checkIdle = () => {
        if (idleWaiters.size === 0) return;
        for (const resolve of idleWaiters) resolve();
      };
      worker.on("completed", checkIdle);
      worker.on("failed", checkIdle);
      worker.on("drained", checkIdle);
    },
    async stats(): Promise<QueueStats> {
      const counts = await queue.getJobCounts("waiting", "active", "delayed", "failed", "prioritized");
      const [oldest] = await queue.getWaiting(0, 0);
      return {
        waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        failed: counts.failed ?? 0,
        lagMs: oldest ? Math.max(0, Date.now() - oldest.timestamp - (oldest.delay || 0)) : 0,
      };
    },
    async deadLetters(limit = 100): Promise<DeadLetter<T>[]> {
      const failed = await queue.getFailed(0, limit - 1);
      return failed.map((job) => ({
        id: job.id ?? "",
        name: job.name,
        data: job.data as T,
        error: job.failedReason,
        attempts: job.attemptsMade,
      }));
    },
    async idle(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      // Counts are polled as well as pushed: a job can finish between the check and the wait.
      const busy = async () => {
        const c = await queue.getJobCounts("waiting", "active", "prioritized", "delayed");
        if ((c.waiting ?? 0) + (c.active ?? 0) + (c.prioritized ?? 0) > 0) return true;
        if ((c.delayed ?? 0) === 0) return false;
        // Delayed: a retry due soon keeps the queue busy, a job scheduled for later does not.
        // A job that left the delayed set since the count was taken counts as busy (re-checked).
        const delayed = await queue.getDelayed(0, 100);
        if (delayed.length < Math.min(c.delayed ?? 0, 100)) return true;
        return delayed.some((job) => job.timestamp + (job.delay || 0) <= deadline || job.attemptsMade > 0);
      };
      for (;;) {
        if (!(await busy())) return;
        if (Date.now() > deadline) throw new Error(`queue ${name} not idle after ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            idleWaiters.delete(wake);
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(wake, 100);
          idleWaiters.add(wake);
        });
      }
    },
    async close() {
      // Graceful (running jobs finish) — but bounded: with Redis unreachable, BullMQ's close waits
      // for a connection that may never come back, and a shutdown must end.
      const closed = Promise.all([worker?.close(), queue.close()]).then(() => true);
      const inTime = await Promise.race([
        closed,
        new Promise<false>((r) => setTimeout(() => r(false), 5_000).unref()),
      ]);
      if (!inTime) {
        options.logger.warn("queue close timed out; disconnecting", { queue: name });
        await Promise.allSettled([worker?.disconnect(), queue.disconnect()]);
      }
    },
  };
}
