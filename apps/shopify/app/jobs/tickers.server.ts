import { aiForShop } from "../ai.server.js";
import { creditPeriod } from "../billing/ai.server.js";
import { billOverage } from "../billing/billing.server.js";
import type { AppContext } from "../context.server.js";
import { retryLeadSyncs } from "../leads/customer-sync.server.js";
import { createTokenCipher } from "../security/token-cipher.server.js";
import { queueScheduledReconciliations } from "../sync/reconcile-schedule.server.js";
import { DEFAULT_DELIVERY_POLICY, deliverDue } from "../trust/outgoing-webhooks.server.js";

/** How often due outgoing webhook deliveries are sent, and overage is billed. */
export const DELIVERY_INTERVAL_MS = 5_000;
export const BILLING_INTERVAL_MS = 60 * 60_000;
/** How often consented leads that did not reach the store yet are retried. */
export const LEAD_SYNC_INTERVAL_MS = 60_000;

/**
 * Periodic work of the server process: sending due outgoing webhooks (retries included),
 * billing AI usage beyond the plans' monthly credits, and retrying consented storefront leads
 * that did not reach the store's customers yet; and every RECONCILE_INTERVAL_HOURS, queueing a
 * reconciliation of every installed shop's mirror. Each tick is skipped while the previous one
 * runs; both are idempotent, so several processes running them is safe (deliveries are claimed,
 * usage blocks are unique rows).
 */
export function startTickers(ctx: AppContext): { stop(): void } {
  const { db, logger, config } = ctx;
  const cipher = createTokenCipher(config.encryptionKey, config.encryptionPreviousKeys);
  const policy = { ...DEFAULT_DELIVERY_POLICY, url: { allowPrivate: config.demo || config.env === "test" } };

  const every = (ms: number, name: string, run: () => Promise<void>) => {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      run()
        .catch((error: unknown) =>
          logger.error(`${name} failed`, { error: error instanceof Error ? error.message : String(error) }),
        )
        .finally(() => (busy = false));
    }, ms);
    timer.unref();
    return timer;
  };

  const timers = [
    every(DELIVERY_INTERVAL_MS, "webhook deliveries", async () => {
      const run = await deliverDue(db.prisma, cipher, policy);
      if (run.attempted > 0) logger.info("webhook deliveries", { ...run });
    }),
    every(BILLING_INTERVAL_MS, "usage billing", async () => {
      const paying = await db.prisma.shop.findMany({
        where: { plan: { not: "free" }, uninstalledAt: null },
        select: { domain: true },
      });
      for (const { domain } of paying) {
        const balance = await (await aiForShop(domain)).balance(domain);
        const billed = await billOverage(ctx.admin(domain), db.prisma, {
          shop: domain,
          period: creditPeriod(),
          creditsCharged: balance.charged,
        });
        if (billed.charged > 0) logger.info("usage billed", { shop: domain, ...billed });
      }
    }),
    every(LEAD_SYNC_INTERVAL_MS, "lead customer sync", async () => {
      const run = await retryLeadSyncs({
        prisma: db.prisma,
        admin: (shop) => ctx.admin(shop),
        sealer: cipher,
      });
      if (run.attempted > 0) logger.info("lead customer sync retried", { ...run });
    }),
  ];
  if (config.reconcileIntervalMs > 0) {
    // Heals what missed webhooks left behind, for every installed shop (see reconcile.server.ts).
    timers.push(
      every(config.reconcileIntervalMs, "scheduled reconciliation", async () => {
        const shops = await queueScheduledReconciliations(ctx, config.reconcileIntervalMs);
        if (shops > 0) logger.info("reconciliations queued", { shops });
      }),
    );
  }
  return { stop: () => timers.forEach((t) => clearInterval(t)) };
}
