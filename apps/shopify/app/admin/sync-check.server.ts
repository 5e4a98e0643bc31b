import type { PrismaClient } from "@prisma/client";
import type { AppContext } from "../context.server.js";
import type { AdminMessageKey } from "../i18n/admin-messages.js";
import { queueReconciliation } from "../sync/reconcile-schedule.server.js";
import { recordAudit, type Actor } from "../trust/audit.server.js";

/** A merchant may ask for a check this often; the scheduled one runs every few hours anyway. */
export const SYNC_CHECK_COOLDOWN_MS = 5 * 60_000;
/** A run still "running" after this long crashed: it no longer blocks a check. */
const STALE_RUN_MS = 60 * 60_000;
export const SYNC_CHECK_ACTION = "sync.check_requested";

export type SyncCheckOutcome = { ok: true } | { ok: false; reason: AdminMessageKey };

/**
 * The dashboard's "Check for changes now": queues a reconciliation of every resource (products,
 * customers, orders) against Shopify, which repairs what missed webhooks left behind. Refused
 * while a sync is running or when one was requested in the last few minutes.
 */
export async function requestSyncCheck(
  deps: { prisma: PrismaClient } & Pick<AppContext, "queues">,
  shop: string,
  actor: Actor,
  now = new Date(),
): Promise<SyncCheckOutcome> {
  const { prisma } = deps;
  const running = await prisma.syncRun.findFirst({
    where: { shop, status: "running", startedAt: { gt: new Date(now.getTime() - STALE_RUN_MS) } },
    select: { id: true },
  });
  if (running) return { ok: false, reason: "dashboard.syncCheckRunning" };
  const recent = await prisma.auditEvent.findFirst({
    where: {
      shop,
      action: SYNC_CHECK_ACTION,
      createdAt: { gt: new Date(now.getTime() - SYNC_CHECK_COOLDOWN_MS) },
    },
    select: { id: true },
  });
  if (recent) return { ok: false, reason: "dashboard.syncCheckRecent" };
  await recordAudit(prisma, { shop, actor, action: SYNC_CHECK_ACTION });
  await queueReconciliation(deps, shop);
  return { ok: true };
}
