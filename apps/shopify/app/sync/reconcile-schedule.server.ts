import type { AppContext } from "../context.server.js";
import { SYNC_RESOURCES, type SyncResource } from "./resources.server.js";

/**
 * Queues one reconciliation per resource for `shop` now (on demand: a merchant's "check now", an
 * operator, a test). Each runs on the sync queue like a scheduled one; see reconcile.server.ts.
 */
export async function queueReconciliation(
  ctx: Pick<AppContext, "queues">,
  shop: string,
  resources: readonly SyncResource[] = SYNC_RESOURCES,
): Promise<void> {
  const stamp = Date.now();
  for (const resource of resources) {
    await ctx.queues.sync.add(
      "reconcile",
      { kind: "reconcile", shop, resource },
      { jobId: `reconcile|${shop}|${resource}|${stamp}` },
    );
  }
}

/**
 * The scheduled reconciliation: one per resource for every installed shop, so that a webhook
 * Shopify never delivered (or we lost) heals without anyone noticing it. The job ids name the
 * interval, so several server processes ticking together queue each job once.
 *
 * @returns how many shops were queued.
 */
export async function queueScheduledReconciliations(
  ctx: Pick<AppContext, "db" | "queues">,
  intervalMs: number,
  now = Date.now(),
): Promise<number> {
  const shops = await ctx.db.prisma.shop.findMany({
    where: { uninstalledAt: null },
    select: { domain: true },
    orderBy: { domain: "asc" },
  });
  const slot = Math.floor(now / intervalMs);
  for (const { domain } of shops) {
    for (const resource of SYNC_RESOURCES) {
      await ctx.queues.sync.add(
        "reconcile",
        { kind: "reconcile", shop: domain, resource },
        { jobId: `reconcile|${domain}|${resource}|slot-${slot}` },
      );
    }
  }
  return shops.length;
}
