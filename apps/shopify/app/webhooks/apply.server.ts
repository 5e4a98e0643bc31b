import type { Sql, SqlRunner } from "../db/client.server.js";
import {
  CustomerPayload,
  customerPayloadToRow,
  DeletePayload,
  OrderPayload,
  orderPayloadToRows,
  ProductPayload,
  productPayloadToRows,
  type Row,
} from "../sync/rows.server.js";
import {
  CUSTOMER,
  MEDIA,
  NOW_UTC,
  ORDER,
  ORDER_LINE,
  PRODUCT_FROM_WEBHOOK,
  upsertRows,
  VARIANT,
  type TableSpec,
} from "../sync/upsert.server.js";
import type { WebhookJob } from "./topics.server.js";

export type ApplyOutcome = "applied" | "duplicate" | "stale";

/**
 * Records the event as processed, in the caller's transaction: false when it already was (a
 * redelivery, or a duplicate delivery), so the caller applies nothing.
 */
export async function claimEvent(tx: SqlRunner, job: WebhookJob): Promise<boolean> {
  const claimed = await tx.query(
    `INSERT INTO "WebhookEvent" ("eventId", shop, topic, "processedAt") VALUES ($1, $2, $3, ${NOW_UTC})
     ON CONFLICT ("eventId") DO NOTHING RETURNING "eventId"`,
    [job.eventId, job.shop, job.topic],
  );
  return claimed.length === 1;
}

/** Replaces a parent's children: rows not in `rows` go, the others are upserted. */
async function replaceChildren(
  tx: SqlRunner,
  spec: TableSpec,
  parentColumn: string,
  shop: string,
  parentId: string,
  rows: Row[],
): Promise<void> {
  await tx.query(
    `DELETE FROM "${spec.table}" WHERE shop = $1 AND "${parentColumn}" = $2 AND NOT (id = ANY($3::bigint[]))`,
    [shop, parentId, rows.map((r) => String(r.id))],
  );
  await upsertRows(tx, spec, rows);
}

/**
 * Applies one products/customers/orders webhook to the mirror, exactly once per event and only
 * when it is newer than what the mirror holds (`updated_at`), all in one transaction.
 *
 * @example
 * await applyMirrorWebhook(db.sql, job, JSON.parse(job.body)); // → "applied" | "duplicate" | "stale"
 */
export async function applyMirrorWebhook(sql: Sql, job: WebhookJob, payload: unknown): Promise<ApplyOutcome> {
  return sql.transaction(async (tx) => {
    if (!(await claimEvent(tx, job))) return "duplicate";
    const { shop } = job;
    switch (job.topic) {
      case "products/create":
      case "products/update": {
        const { product, variants, media } = productPayloadToRows(shop, ProductPayload.parse(payload));
        const written = await upsertRows(tx, PRODUCT_FROM_WEBHOOK, [product]);
        if (written.length === 0) return "stale";
        const id = String(product.id);
        await replaceChildren(tx, VARIANT, "productId", shop, id, variants);
        await replaceChildren(tx, MEDIA, "productId", shop, id, media);
        return "applied";
      }
      case "products/delete": {
        const { id } = DeletePayload.parse(payload);
        await tx.query(`DELETE FROM "Product" WHERE shop = $1 AND id = $2`, [shop, id]);
        for (const table of ["Variant", "Media", "ProductMetafield"]) {
          await tx.query(`DELETE FROM "${table}" WHERE shop = $1 AND "productId" = $2`, [shop, id]);
        }
        return "applied";
      }
      case "customers/create":
      case "customers/update": {
        const row = customerPayloadToRow(shop, CustomerPayload.parse(payload));
        return (await upsertRows(tx, CUSTOMER, [row])).length === 0 ? "stale" : "applied";
      }
      case "customers/delete": {
        const { id } = DeletePayload.parse(payload);
        await tx.query(`DELETE FROM "Customer" WHERE shop = $1 AND id = $2`, [shop, id]);
        return "applied";
      }
      case "orders/create":
      case "orders/updated": {
        const { order, lines } = orderPayloadToRows(shop, OrderPayload.parse(payload));
        if ((await upsertRows(tx, ORDER, [order])).length === 0) return "stale";
        await replaceChildren(tx, ORDER_LINE, "orderId", shop, String(order.id), lines);
        return "applied";
      }
      case "orders/delete": {
        const { id } = DeletePayload.parse(payload);
        await tx.query(`DELETE FROM "Order" WHERE shop = $1 AND id = $2`, [shop, id]);
        await tx.query(`DELETE FROM "OrderLine" WHERE shop = $1 AND "orderId" = $2`, [shop, id]);
        return "applied";
      }
      case "customers/data_request":
      case "customers/redact":
      case "shop/redact":
      case "app/uninstalled":
      case "app/scopes_update":
      case "bulk_operations/finish":
        throw new Error(`not a mirror topic: ${job.topic}`);
    }
  });
}
