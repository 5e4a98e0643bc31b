// Scheduled reconciliation through the emulator over HTTP: webhooks Shopify never delivered (an
// update and a delete) leave the mirror behind; the ticker queues a reconciliation of every
// installed shop and the mirror heals with nobody asking.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createQueues } from "../app/context.server.js";
import { startTickers } from "../app/jobs/tickers.server.js";
import { PRODUCT_DELETE, PRODUCT_UPDATE } from "../app/shopify/graphql/products.js";
import { SYNC_CHECK_COOLDOWN_MS, requestSyncCheck } from "../app/admin/sync-check.server.js";
import { queueReconciliation, queueScheduledReconciliations } from "../app/sync/reconcile-schedule.server.js";
import { startHarness, type Harness } from "./helpers/harness.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await h.install();
  await h.settle();
});

afterAll(async () => {
  await h.close();
});

const mirrorTitle = async (id: number) =>
  (
    await h.t.db.sql.query<{ title: string }>(`SELECT title FROM "Product" WHERE shop = $1 AND id = $2`, [
      h.emulator.shop,
      id,
    ])
  )[0]?.title;

describe("scheduled reconciliation", () => {
  it("heals a missed update and a missed delete on the next tick", async () => {
    const [edited = 0, deleted = 0] = [...h.emulator.store.products.keys()];
    const admin = h.ctx.admin(h.emulator.shop);
    const before = await mirrorTitle(edited);
    // Shopify loses both webhooks.
    h.emulator.webhooks.setSwitches({ drop: 2 });
    await admin.request(PRODUCT_UPDATE, {
      product: { id: `gid://shopify/Product/${edited}`, title: "Renamed while webhooks were lost" },
    });
    await admin.request(PRODUCT_DELETE, { input: { id: `gid://shopify/Product/${deleted}` } });
    await h.settle();
    expect(h.emulator.webhooks.deliveries.filter((d) => d.state === "dropped")).toHaveLength(2);
    expect(await mirrorTitle(edited)).toBe(before);
    expect(await mirrorTitle(deleted)).toBeDefined();

    const tickers = startTickers({ ...h.ctx, config: { ...h.ctx.config, reconcileIntervalMs: 250 } });
    try {
      await vi.waitFor(
        async () => {
          expect(await mirrorTitle(edited)).toBe("Renamed while webhooks were lost");
          expect(await mirrorTitle(deleted)).toBeUndefined();
        },
        { timeout: 25_000, interval: 250 },
      );
    } finally {
      tickers.stop();
    }
    await h.settle();
    const runs = await h.ctx.db.prisma.syncRun.findMany({
      where: { shop: h.emulator.shop, kind: "reconcile", resource: "products", status: "completed" },
    });
    expect(runs.some((r) => r.repaired >= 2)).toBe(true);
  });

  it("queues every installed shop once per interval, and on demand at once", async () => {
    await h.ctx.db.prisma.shop.create({
      data: { domain: "gone.myshopify.com", uninstalledAt: new Date() },
    });
    // Queues nobody consumes: what is queued stays visible.
    const queues = createQueues(undefined, h.logger);
    try {
      const ctx = { db: h.ctx.db, queues };
      const now = Date.UTC(2026, 10, 25, 7);
      expect(await queueScheduledReconciliations(ctx, 6 * 3_600_000, now)).toBe(1);
      // A second process ticking in the same interval queues nothing more.
      await queueScheduledReconciliations(ctx, 6 * 3_600_000, now + 60_000);
      expect((await queues.sync.stats()).waiting).toBe(3); // products, customers, orders
      await queueScheduledReconciliations(ctx, 6 * 3_600_000, now + 6 * 3_600_000);
      expect((await queues.sync.stats()).waiting).toBe(6);
      await queueReconciliation(ctx, h.emulator.shop, ["products"]);
      expect((await queues.sync.stats()).waiting).toBe(7);
    } finally {
      await Promise.all([queues.sync.close(), queues.webhooks.close(), queues.ai.close()]);
    }
  });

  it("runs a merchant's check now, once per few minutes and never during a sync", async () => {
    const queues = createQueues(undefined, h.logger);
    const prisma = h.ctx.db.prisma;
    const shop = h.emulator.shop;
    const actor = { type: "staff", id: "merchant" } as const;
    try {
      const deps = { prisma, queues };
      const now = new Date();
      expect(await requestSyncCheck(deps, shop, actor, now)).toEqual({ ok: true });
      expect((await queues.sync.stats()).waiting).toBe(3); // products, customers, orders
      expect(await prisma.auditEvent.count({ where: { shop, action: "sync.check_requested" } })).toBe(1);
      // A second click within the cooldown queues nothing and says why.
      expect(await requestSyncCheck(deps, shop, actor, new Date(now.getTime() + 60_000))).toEqual({
        ok: false,
        reason: "dashboard.syncCheckRecent",
      });
      expect((await queues.sync.stats()).waiting).toBe(3);
      // After the cooldown, but with a sync running, it is refused too; a run stuck for hours is not.
      const later = new Date(now.getTime() + SYNC_CHECK_COOLDOWN_MS + 1_000);
      const run = await prisma.syncRun.create({
        data: { shop, resource: "orders", status: "running", startedAt: later },
      });
      expect(await requestSyncCheck(deps, shop, actor, later)).toEqual({
        ok: false,
        reason: "dashboard.syncCheckRunning",
      });
      await prisma.syncRun.update({
        where: { id: run.id },
        data: { startedAt: new Date(later.getTime() - 2 * 3_600_000) },
      });
      expect(await requestSyncCheck(deps, shop, actor, later)).toEqual({ ok: true });
      expect((await queues.sync.stats()).waiting).toBe(6);
      // Another shop's activity never blocks this one.
      expect(await requestSyncCheck(deps, "other.myshopify.com", actor, later)).toEqual({ ok: true });
      await prisma.syncRun.delete({ where: { id: run.id } });
    } finally {
      await Promise.all([queues.sync.close(), queues.webhooks.close(), queues.ai.close()]);
    }
  });
});
