import { aiForShop } from "../ai.server.js";
import { creditPeriod } from "../billing/ai.server.js";
import { billOverage } from "../billing/billing.server.js";
import type { AppContext } from "../context.server.js";
import { createTokenCipher } from "../security/token-cipher.server.js";
import { DEFAULT_DELIVERY_POLICY, deliverDue } from "../trust/outgoing-webhooks.server.js";

/** How often due outgoing webhook deliveries are sent, and overage is billed. */
export const DELIVERY_INTERVAL_MS = 5_000;
export const BILLING_INTERVAL_MS = 60 * 60_000;

/**
 * Periodic work of the server process: sending due outgoing webhooks (retries included) and
 * billing AI usage beyond the plans' monthly credits. Each tick is skipped while the previous one
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
  ];
  return { stop: () => timers.forEach((t) => clearInterval(t)) };
}
