import { createHash } from "node:crypto";
import type { Logger } from "@ninjalead/core";
import type { Database } from "../db/client.server.js";
import type { AdminClient } from "../shopify/admin-client.server.js";
import {
  CUSTOMER_STAMPS,
  ORDER_STAMPS,
  PRODUCT_FOR_SYNC,
  PRODUCT_STAMPS,
} from "../shopify/graphql/reconcile.js";
import { gidId, productNodeToRows, type BulkRow, type Row } from "./rows.server.js";
import type { SyncResource } from "./resources.server.js";
import { MEDIA, PRODUCT, PRODUCT_METAFIELD, unguarded, upsertRows, VARIANT } from "./upsert.server.js";

interface StampsData {
  [connection: string]: {
    nodes: { id: string; updatedAt: string }[];
    pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  };
}

const STAMPS: Record<SyncResource, { document: string; connection: string; table: string }> = {
  products: { document: PRODUCT_STAMPS, connection: "products", table: "Product" },
  customers: { document: CUSTOMER_STAMPS, connection: "customers", table: "Customer" },
  orders: { document: ORDER_STAMPS, connection: "orders", table: "Order" },
};

export interface ReconcileResult {
  runId: string;
  storeCount: number;
  mirrorCount: number;
  /** Digest of every (id, updatedAt) on each side: equal means no drift. */
  storeHash: string;
  mirrorHash: string;
  missing: number;
  outdated: number;
  extra: number;
  /** Rows repaired (products), or true when a resync was started (customers, orders). */
  repaired: number;
  needsResync: boolean;
}

function digest(stamps: Map<string, number>): string {
  const hash = createHash("sha256");
  for (const id of [...stamps.keys()].sort()) hash.update(`${id}:${stamps.get(id) ?? 0}\n`);
  return hash.digest("hex").slice(0, 16);
}

/**
 * Compares the mirror with the store by (id, updatedAt) stamps and repairs the drift a missed
 * webhook leaves: products missing or outdated are fetched again, products gone from the store are
 * removed. For customers and orders the result says whether a bulk resync is needed.
 *
 * @example
 * const r = await reconcile({ shop, resource: "products", admin, db, logger });
 * r.storeHash === r.mirrorHash; // after repair, on the next run
 */
export async function reconcile(options: {
  shop: string;
  resource: SyncResource;
  admin: AdminClient;
  db: Database;
  logger: Logger;
}): Promise<ReconcileResult> {
  const { shop, resource, admin, db, logger } = options;
  const spec = STAMPS[resource];
  const run = await db.prisma.syncRun.create({
    data: { shop, resource, kind: "reconcile", status: "running" },
  });

  const store = new Map<string, number>();
  for await (const page of admin.paginate<StampsData, { id: string; updatedAt: string }>(
    spec.document,
    {},
    (data) => {
      const connection = data[spec.connection];
      if (!connection) throw new Error(`no ${spec.connection} in answer`);
      return connection;
    },
  )) {
    for (const node of page) store.set(gidId(node.id), Date.parse(node.updatedAt));
  }
  const mirrorRows = await db.sql.query<{ id: string; at: string }>(
    `SELECT id::text AS id, to_char("shopifyUpdatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM "${spec.table}" WHERE shop = $1`,
    [shop],
  );
  const mirror = new Map(mirrorRows.map((r) => [r.id, Date.parse(r.at)]));

  const missing = [...store.keys()].filter((id) => !mirror.has(id));
  const outdated = [...store.keys()].filter((id) => mirror.has(id) && mirror.get(id) !== store.get(id));
  const extra = [...mirror.keys()].filter((id) => !store.has(id));
  let repaired = 0;
  const needsResync = resource !== "products" && missing.length + outdated.length + extra.length > 0;

  if (resource === "products") {
    for (const id of [...missing, ...outdated]) {
      const data = await admin.request(PRODUCT_FOR_SYNC, { id: `gid://shopify/Product/${id}` });
      if (!data.product) continue; // deleted meanwhile: the next run sees it as extra
      await writeProduct(db, shop, id, productNodeToRows(shop, data.product));
      repaired++;
    }
    if (extra.length > 0) {
      await db.sql.transaction(async (tx) => {
        await tx.query(`DELETE FROM "Product" WHERE shop = $1 AND id = ANY($2::bigint[])`, [shop, extra]);
        for (const table of ["Variant", "Media", "ProductMetafield"]) {
          await tx.query(`DELETE FROM "${table}" WHERE shop = $1 AND "productId" = ANY($2::bigint[])`, [
            shop,
            extra,
          ]);
        }
      });
      repaired += extra.length;
    }
  }

  const result: ReconcileResult = {
    runId: run.id,
    storeCount: store.size,
    mirrorCount: mirror.size,
    storeHash: digest(store),
    mirrorHash: digest(mirror),
    missing: missing.length,
    outdated: outdated.length,
    extra: extra.length,
    repaired,
    needsResync,
  };
  await db.prisma.syncRun.update({
    where: { id: run.id },
    data: {
      status: "completed",
      objectCount: store.size,
      processed: store.size,
      repaired,
      finishedAt: new Date(),
    },
  });
  logger.info("reconciled", { shop, ...result });
  return result;
}

/** One product and its children, as the store has them now (children it no longer has removed). */
async function writeProduct(db: Database, shop: string, id: string, rows: BulkRow[]): Promise<void> {
  const byTable = (table: BulkRow["table"]): Row[] => rows.filter((r) => r.table === table).map((r) => r.row);
  const media: Row[] = byTable("Media").map((row, position) => ({ ...row, position }));
  await db.sql.transaction(async (tx) => {
    await upsertRows(tx, unguarded(PRODUCT), byTable("Product"));
    for (const [spec, children] of [
      [unguarded(VARIANT), byTable("Variant")],
      [MEDIA, media],
      [PRODUCT_METAFIELD, byTable("ProductMetafield")],
    ] as const) {
      await tx.query(
        `DELETE FROM "${spec.table}" WHERE shop = $1 AND "productId" = $2 AND NOT (id = ANY($3::bigint[]))`,
        [shop, id, children.map((c) => String(c.id))],
      );
      await upsertRows(tx, spec, children);
    }
  });
}
