import { ZodError } from "zod";
import {
  eraseShop,
  handleCustomerRedact,
  handleDataRequest,
  handleShopRedact,
} from "../compliance/compliance.server.js";
import type { AppContext } from "../context.server.js";
import { reportError } from "../observability/sentry.server.js";
import { isDueForPurge, markUninstalled, PURGE_AFTER_MS } from "../shops.server.js";
import { runBulkSync } from "../sync/bulk-sync.server.js";
import { reconcile } from "../sync/reconcile.server.js";
import { SYNC_RESOURCES } from "../sync/resources.server.js";
import { emitEvent } from "../trust/outgoing-webhooks.server.js";
import { applyMirrorWebhook } from "../webhooks/apply.server.js";
import type { WebhookJob } from "../webhooks/topics.server.js";
import { startAiWorker } from "./ai-worker.server.js";
import type { SyncJob } from "./sync-jobs.server.js";

/** A payload that does not have the documented shape: retrying cannot help. */
class BadPayloadError extends Error {
  override readonly name = "BadPayloadError";
  readonly retryable = false;
}

async function permanentOnBadPayload<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ZodError) {
      throw new BadPayloadError(error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
    }
    throw error;
  }
}

function parseBody(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    throw new BadPayloadError(
      `webhook body is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Applies one verified webhook (the webhooks queue's handler). */
export async function processWebhookJob(ctx: AppContext, job: WebhookJob): Promise<void> {
  const { db, logger, queues } = ctx;
  await permanentOnBadPayload(async () => {
    const payload = parseBody(job.body);
    switch (job.topic) {
      case "products/create":
      case "products/update":
      case "products/delete":
      case "customers/create":
      case "customers/update":
      case "customers/delete":
      case "orders/create":
      case "orders/updated":
      case "orders/delete": {
        const outcome = await applyMirrorWebhook(db.sql, job, payload);
        logger.debug("webhook applied", { topic: job.topic, shop: job.shop, eventId: job.eventId, outcome });
        return;
      }
      case "customers/data_request": {
        const found = await handleDataRequest(db.sql, job.shop, payload);
        logger.info("customer data request assembled", {
          shop: job.shop,
          orders: found.orders.length,
          held: found.customer !== null,
        });
        return;
      }
      case "customers/redact": {
        logger.info("customer redacted", {
          shop: job.shop,
          ...(await handleCustomerRedact(db.sql, job.shop, payload)),
        });
        return;
      }
      case "shop/redact": {
        logger.info("shop redacted", {
          shop: job.shop,
          ...(await handleShopRedact(db.sql, job.shop, payload)),
        });
        return;
      }
      case "app/uninstalled": {
        const purgeAfter = await markUninstalled(db.prisma, job.shop);
        await queues.sync.add(
          "purge-shop",
          { kind: "purge-shop", shop: job.shop },
          { jobId: `purge|${job.shop}|${purgeAfter.getTime()}`, delayMs: PURGE_AFTER_MS },
        );
        logger.info("app uninstalled; purge scheduled", {
          shop: job.shop,
          purgeAfter: purgeAfter.toISOString(),
        });
        return;
      }
      case "app/scopes_update": {
        const current = (payload as { current?: unknown }).current;
        if (Array.isArray(current)) {
          await db.prisma.session.updateMany({
            where: { shop: job.shop },
            data: { scope: current.map(String).join(",") },
          });
        }
        return;
      }
      case "bulk_operations/finish":
        // The sync polls its operation; the notification only shortens nothing here.
        logger.debug("bulk operation finished", { shop: job.shop });
        return;
    }
  });
}

/** Runs one sync-queue job. */
export async function processSyncJob(ctx: AppContext, job: SyncJob): Promise<void> {
  const { db, logger } = ctx;
  switch (job.kind) {
    case "bulk-sync": {
      const result = await runBulkSync({
        shop: job.shop,
        resource: job.resource,
        admin: ctx.admin(job.shop),
        db,
        logger,
      });
      if (result.status === "completed") {
        // Merchants' integrations hear about it through their outgoing webhooks.
        await emitEvent(db.prisma, {
          shop: job.shop,
          event: "sync.completed",
          data: { resource: job.resource, objects: result.objectCount, runId: result.runId },
        });
      }
      return;
    }
    case "reconcile": {
      const result = await reconcile({
        shop: job.shop,
        resource: job.resource,
        admin: ctx.admin(job.shop),
        db,
        logger,
      });
      if (result.needsResync) await queueInitialSync(ctx, job.shop, [job.resource]);
      return;
    }
    case "purge-shop":
      if (await isDueForPurge(db.prisma, job.shop)) {
        logger.info("shop purged after uninstall", {
          shop: job.shop,
          ...(await eraseShop(db.sql, job.shop)),
        });
      }
      return;
  }
}

/** The pulls run on install (and on demand): one bulk sync per resource. */
export async function queueInitialSync(
  ctx: AppContext,
  shop: string,
  resources: readonly (typeof SYNC_RESOURCES)[number][] = SYNC_RESOURCES,
): Promise<void> {
  const stamp = Date.now();
  for (const resource of resources) {
    await ctx.queues.sync.add(
      "bulk-sync",
      { kind: "bulk-sync", shop, resource },
      { jobId: `sync|${shop}|${resource}|${stamp}` },
    );
  }
}

/** Starts consuming the queues (webhooks, sync, ai) in this process. */
export function startWorkers(ctx: AppContext, options: { webhookConcurrency?: number } = {}): void {
  // Failures go to Sentry (scrubbed) as well as to the queue's retry/dead-letter path.
  const reported =
    <T>(queue: string, run: (data: T) => Promise<void>) =>
    async (job: { name: string; attempt: number; data: T }) => {
      try {
        await run(job.data);
      } catch (error) {
        reportError(error, { queue, job: job.name, attempt: job.attempt });
        throw error;
      }
    };
  ctx.queues.webhooks.start(
    reported("webhooks", (data: WebhookJob) => processWebhookJob(ctx, data)),
    {
      concurrency: options.webhookConcurrency ?? 4,
    },
  );
  // Bulk syncs of one shop must not overlap (Shopify allows one bulk query at a time per shop).
  ctx.queues.sync.start(
    reported("sync", (data: SyncJob) => processSyncJob(ctx, data)),
    { concurrency: 1 },
  );
  startAiWorker(ctx);
}
