// /health/ready reports queue lag and the sync state next to the database and cache checks.
import { createMemoryCache, silentLogger } from "@ninjalead/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../app/config.server.js";
import { checkReadiness } from "../app/health.server.js";
import { createMemoryQueue } from "../app/jobs/memory-queue.server.js";
import type { Services } from "../app/services.server.js";
import { openTestDatabase, type TestDatabase } from "./helpers/database.js";

let t: TestDatabase;
let services: Services;

beforeAll(async () => {
  t = await openTestDatabase("postgres");
  services = {
    config: loadConfig({}),
    db: t.db,
    cache: createMemoryCache(),
    logger: silentLogger,
    close: () => Promise.resolve(),
  };
});
afterAll(async () => {
  await t.close();
});

describe("readiness with jobs", () => {
  it("reports each queue's depth and lag, and the sync runs", async () => {
    const webhooks = createMemoryQueue<number>("webhooks", { logger: silentLogger });
    const enqueuedAt = Date.now();
    await webhooks.add("w", 1);
    await webhooks.add("w", 2);
    await t.db.prisma.syncRun.create({
      data: { shop: "a.myshopify.com", resource: "products", status: "running" },
    });
    await t.db.prisma.syncRun.create({
      data: { shop: "a.myshopify.com", resource: "orders", status: "failed" },
    });
    const done = await t.db.prisma.syncRun.create({
      data: { shop: "a.myshopify.com", resource: "customers", status: "completed", finishedAt: new Date() },
    });

    const readiness = await checkReadiness(services, { queues: { webhooks } });
    expect(readiness.ok).toBe(true);
    const queue = readiness.queues.byName.webhooks;
    expect(queue).toMatchObject({ backend: "memory", waiting: 2, active: 0 });
    expect(queue?.lagMs).toBeGreaterThanOrEqual(0);
    expect(queue?.lagMs).toBeLessThanOrEqual(Date.now() - enqueuedAt);
    expect(readiness.sync).toMatchObject({
      ok: true,
      running: 1,
      failedLastDay: 1,
      lastCompletedAt: done.finishedAt?.toISOString(),
    });

    webhooks.start(() => Promise.resolve());
    await webhooks.idle();
    const after = await checkReadiness(services, { queues: { webhooks } });
    expect(after.queues.byName.webhooks).toMatchObject({ waiting: 0, lagMs: 0 });
    await webhooks.close();
  });

  it("reports a queue backend that does not answer, without failing readiness on it alone", async () => {
    // The queues share Redis with the cache, whose own check fails readiness when Redis is down.
    const broken = {
      name: "sync",
      backend: "bullmq" as const,
      stats: () => Promise.reject(new Error("Connection is closed")),
    };
    const readiness = await checkReadiness(services, { queues: { sync: broken } });
    expect(readiness.queues.ok).toBe(false);
    expect(readiness.queues.detail).toContain("Connection is closed");
    expect(readiness.failing).toEqual([]);
  });
});
