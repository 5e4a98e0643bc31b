// One contract, two queues: BullMQ on Redis and the in-process queue behave the same.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { REDIS_URL } from "../../../../scripts/test-services.js";
import { createBullmqQueue } from "../../app/jobs/bullmq-queue.server.js";
import { createMemoryQueue } from "../../app/jobs/memory-queue.server.js";
import type { JobQueue } from "../../app/jobs/queue.server.js";
import { memoryLogger } from "../helpers/logger.js";

const prefix = `nltest${randomBytes(3).toString("hex")}`;
let counter = 0;

const factories: [string, <T>() => JobQueue<T>][] = [
  ["memory", <T>() => createMemoryQueue<T>(`q${++counter}`, { logger: memoryLogger() })],
  [
    "bullmq",
    <T>() => createBullmqQueue<T>(`q${++counter}`, { redisUrl: REDIS_URL, logger: memoryLogger(), prefix }),
  ],
];

afterAll(async () => {
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

class PermanentError extends Error {
  readonly retryable = false;
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe.each(factories)("job queue contract: %s", (_kind, make) => {
  it("runs each job with its data", async () => {
    const queue = make<{ n: number }>();
    const seen: number[] = [];
    queue.start((job) => {
      seen.push(job.data.n);
      return Promise.resolve();
    });
    for (let n = 0; n < 5; n++) await queue.add("count", { n });
    await queue.idle();
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4]);
    await queue.close();
  });

  it("retries with exponential backoff, then succeeds", async () => {
    const queue = make<null>();
    const attempts: { attempt: number; at: number }[] = [];
    queue.start((job) => {
      attempts.push({ attempt: job.attempt, at: Date.now() });
      return job.attempt < 3 ? Promise.reject(new Error("transient")) : Promise.resolve();
    });
    await queue.add("flaky", null, { attempts: 5, backoffMs: 40 });
    await queue.idle();
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    const [a1, a2, a3] = attempts.map((a) => a.at);
    expect((a2 ?? 0) - (a1 ?? 0)).toBeGreaterThanOrEqual(35);
    expect((a3 ?? 0) - (a2 ?? 0)).toBeGreaterThanOrEqual(75); // doubled
    expect(await queue.deadLetters()).toEqual([]);
    await queue.close();
  });

  it("dead-letters a job that exhausts its attempts, and a permanent failure at once", async () => {
    const queue = make<{ kind: string }>();
    const runs: Record<string, number> = {};
    queue.start((job) => {
      runs[job.data.kind] = (runs[job.data.kind] ?? 0) + 1;
      return Promise.reject(
        job.data.kind === "permanent" ? new PermanentError("bad payload") : new Error("always down"),
      );
    });
    await queue.add("doomed", { kind: "transient" }, { attempts: 3, backoffMs: 10, jobId: "doomed-1" });
    await queue.add("doomed", { kind: "permanent" }, { attempts: 3, backoffMs: 10, jobId: "doomed-2" });
    await queue.idle();
    expect(runs).toEqual({ transient: 3, permanent: 1 });
    const dead = await queue.deadLetters();
    expect(dead.map((d) => d.id).sort()).toEqual(["doomed-1", "doomed-2"]);
    expect(dead.find((d) => d.id === "doomed-1")?.error).toContain("always down");
    expect(dead.find((d) => d.id === "doomed-1")?.data).toEqual({ kind: "transient" });
    expect((await queue.stats()).failed).toBe(2);
    await queue.close();
  });

  it("is idempotent by jobId: a second add of a queued or done job does nothing", async () => {
    const queue = make<string>();
    const gate = deferred();
    let runs = 0;
    const first = await queue.add("once", "a", { jobId: "shop|event-1" });
    const again = await queue.add("once", "a", { jobId: "shop|event-1" });
    expect(first).toEqual({ id: "shop|event-1", added: true });
    expect(again).toEqual({ id: "shop|event-1", added: false });
    const stats = await queue.stats();
    expect(stats.waiting).toBe(1);
    expect(stats.lagMs).toBeGreaterThanOrEqual(0);
    queue.start(() => {
      runs++;
      gate.resolve();
      return Promise.resolve();
    });
    await gate.promise;
    await queue.idle();
    expect((await queue.add("once", "a", { jobId: "shop|event-1" })).added).toBe(false);
    await queue.idle();
    expect(runs).toBe(1);
    await queue.close();
  });

  it("shuts down gracefully: close waits for the running job", async () => {
    const queue = make<null>();
    const started = deferred();
    const release = deferred();
    let finished = false;
    queue.start(async () => {
      started.resolve();
      await release.promise;
      finished = true;
    });
    await queue.add("long", null);
    await started.promise;
    const closing = queue.close();
    release.resolve();
    await closing;
    expect(finished).toBe(true);
  });
});
