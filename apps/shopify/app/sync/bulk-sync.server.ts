import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { Logger } from "@ninjalead/core";
import type { Database } from "../db/client.server.js";
import type { AdminClient } from "../shopify/admin-client.server.js";
import { AdminApiError } from "../shopify/admin-errors.server.js";
import { BULK_OPERATION_BY_ID, BULK_OPERATION_RUN_QUERY } from "../shopify/graphql/bulk.js";
import { ingestBulkJsonl } from "./bulk-ingest.server.js";
import { RESOURCE, type SyncResource } from "./resources.server.js";
import { NOW_UTC } from "./upsert.server.js";

export interface BulkSyncOptions {
  shop: string;
  resource: SyncResource;
  admin: AdminClient;
  db: Database;
  logger: Logger;
  /** First poll interval; it grows to 5 s. */
  pollIntervalMs?: number;
  /** Longest a bulk operation may run before the sync gives up. */
  timeoutMs?: number;
  batchSize?: number;
  fetch?: typeof fetch;
}

export interface BulkSyncResult {
  runId: string;
  status: "completed" | "failed";
  objectCount: number;
  pruned: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A full pull of one resource: starts Shopify's bulk operation, waits for it, streams the JSONL
 * into the mirror, then removes rows the snapshot no longer has. Progress lives in a SyncRun row.
 * Rows written by webhooks while the run is under way survive (the prune keys on the run's start).
 *
 * @example
 * await runBulkSync({ shop, resource: "products", admin, db, logger });
 */
export async function runBulkSync(options: BulkSyncOptions): Promise<BulkSyncResult> {
  const { shop, resource, admin, db, logger } = options;
  const { prisma, sql } = db;
  // The database's clock as text: a JS Date would be shifted by the process's time zone.
  const [started] = await sql.query<{ at: string }>(`SELECT ${NOW_UTC}::text AS at`);
  const run = await prisma.syncRun.create({ data: { shop, resource, kind: "bulk", status: "running" } });
  const fail = async (error: unknown): Promise<never> => {
    const message = error instanceof Error ? error.message : String(error);
    await prisma.syncRun.update({
      where: { id: run.id },
      data: { status: "failed", error: message.slice(0, 1_000), finishedAt: new Date() },
    });
    logger.error("sync failed", { shop, resource, runId: run.id, error: message });
    throw error;
  };

  try {
    const start = await admin.request(BULK_OPERATION_RUN_QUERY, {
      query: RESOURCE[resource].bulkQuery,
    });
    const bulkOperation = start.bulkOperationRunQuery?.bulkOperation;
    const userErrors = start.bulkOperationRunQuery?.userErrors ?? [];
    if (!bulkOperation || userErrors.length > 0) {
      throw new AdminApiError(
        "conflict",
        `bulkOperationRunQuery refused: ${userErrors.map((e) => `${e.code ?? ""} ${e.message}`).join("; ")}`,
        200,
      );
    }
    await prisma.syncRun.update({ where: { id: run.id }, data: { bulkOperationId: bulkOperation.id } });

    const operation = await waitForBulkOperation(options, bulkOperation.id);
    const objectCount = Number(operation.objectCount);
    await prisma.syncRun.update({ where: { id: run.id }, data: { objectCount } });

    if (operation.url) {
      const response = await (options.fetch ?? fetch)(operation.url);
      if (!response.ok || !response.body) {
        throw new AdminApiError(
          "provider_unavailable",
          `bulk result download answered ${response.status}`,
          response.status,
        );
      }
      await ingestBulkJsonl(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), {
        shop,
        sql,
        ...(options.batchSize ? { batchSize: options.batchSize } : {}),
        onProgress: async (p) => {
          await prisma.syncRun.update({ where: { id: run.id }, data: { processed: p.lines } });
        },
      });
    }

    let pruned = 0;
    for (const table of RESOURCE[resource].tables) {
      const removed = await sql.query(
        `DELETE FROM "${table}" WHERE shop = $1 AND "syncedAt" < $2::timestamp RETURNING id`,
        [shop, started?.at],
      );
      pruned += removed.length;
    }
    await prisma.syncRun.update({
      where: { id: run.id },
      data: { status: "completed", processed: objectCount, finishedAt: new Date() },
    });
    logger.info("sync completed", { shop, resource, runId: run.id, objectCount, pruned });
    return { runId: run.id, status: "completed", objectCount, pruned };
  } catch (error) {
    return fail(error);
  }
}

async function waitForBulkOperation(options: BulkSyncOptions, id: string) {
  const deadline = Date.now() + (options.timeoutMs ?? 3_600_000);
  let interval = options.pollIntervalMs ?? 250;
  for (;;) {
    const { node } = await options.admin.request(BULK_OPERATION_BY_ID, { id });
    if (!node || !("status" in node)) {
      throw new AdminApiError("not_found", `bulk operation ${id} not found`, 200);
    }
    const status: string = node.status;
    if (status === "COMPLETED") return node;
    if (["FAILED", "CANCELED", "EXPIRED"].includes(status)) {
      throw new AdminApiError(
        "provider_unavailable",
        `bulk operation ${node.status} (${node.errorCode ?? "no code"})`,
        200,
      );
    }
    if (Date.now() > deadline)
      throw new AdminApiError("timeout", `bulk operation ${id} still ${node.status}`, 200);
    await sleep(interval);
    interval = Math.min(5_000, Math.round(interval * 1.5));
  }
}
