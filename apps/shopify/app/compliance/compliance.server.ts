import { z } from "zod";
import type { Sql, SqlRunner } from "../db/client.server.js";
import { personalData } from "../security/personal-data.server.js";
import { NOW_UTC } from "../sync/upsert.server.js";

/**
 * Shopify's mandatory privacy webhooks, applied table by table. What we hold on a customer is the
 * Customer row and the customer link of their orders (orders keep amounts, never contact details);
 * a data request's export is itself personal data, so a later redact erases it too.
 */

const numericId = z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform((v) => String(v));

export const DataRequestPayload = z.object({
  shop_domain: z.string(),
  customer: z.object({ id: numericId, email: z.string().nullish() }),
  orders_requested: z.array(numericId).default([]),
  data_request: z.object({ id: numericId }).nullish(),
});

export const CustomerRedactPayload = z.object({
  shop_domain: z.string(),
  customer: z.object({ id: numericId, email: z.string().nullish() }),
  orders_to_redact: z.array(numericId).default([]),
});

export const ShopRedactPayload = z.object({ shop_domain: z.string() });

/**
 * Every table holding a shop's rows, and the column naming the shop: found in the database's own
 * catalog (every table with a `shop` column, plus `Shop` by its `domain`), so a table added later
 * is erased too without anyone remembering to list it here.
 */
export async function shopScopedTables(sql: SqlRunner): Promise<{ table: string; column: string }[]> {
  const rows = await sql.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name = 'shop' AND table_name NOT LIKE '\\_%'
      UNION SELECT 'Shop', 'domain'
      ORDER BY 1`,
  );
  return rows.map((r) => ({ table: r.table_name, column: r.column_name }));
}

export interface CustomerExport {
  customer: Record<string, unknown> | null;
  orders: Record<string, unknown>[];
  orderLines: Record<string, unknown>[];
  /** Storefront sign-ups linked to the customer (the consent record; the email is the customer's). */
  leads: Record<string, unknown>[];
}

/**
 * customers/data_request: assembles everything we hold on the customer and keeps it with the
 * request (for the merchant to hand over). Returns the export.
 */
export async function handleDataRequest(sql: Sql, shop: string, payload: unknown): Promise<CustomerExport> {
  const p = DataRequestPayload.parse(payload);
  const pd = personalData();
  return sql.transaction(async (tx) => {
    // By id, or by the email's lookup hash (a customer known to us under another id, e.g. re-created).
    const [sealed] = await tx.query(
      `SELECT id::text, email, "firstName", locale, "countryCode", tags, state, "emailMarketingState",
              "shopifyCreatedAt", "shopifyUpdatedAt" FROM "Customer"
       WHERE shop = $1 AND (id = $2 OR "emailHash" = ANY($3::text[])) ORDER BY (id = $2) DESC LIMIT 1`,
      [shop, p.customer.id, p.customer.email ? pd.emailHashes(p.customer.email) : []],
    );
    const customer = sealed
      ? {
          ...sealed,
          email: pd.open(sealed.email as string | null),
          firstName: pd.open(sealed.firstName as string | null),
        }
      : undefined;
    const customerId = sealed ? String(sealed.id) : p.customer.id;
    const orders = await tx.query(
      `SELECT id::text, "customerId"::text, "currencyCode", "totalPrice"::text, "financialStatus", "discountCodes",
              "processedAt" FROM "Order" WHERE shop = $1 AND ("customerId" = $2 OR id = ANY($3::bigint[])) ORDER BY id`,
      [shop, customerId, p.orders_requested],
    );
    const orderLines = await tx.query(
      `SELECT id::text, "orderId"::text, "productId"::text, "variantId"::text, quantity, price::text FROM "OrderLine"
       WHERE shop = $1 AND "orderId" = ANY($2::bigint[]) ORDER BY id`,
      [shop, orders.map((o) => String(o.id))],
    );
    const leads = await tx.query(
      `SELECT campaign, locale, consent, "consentText", "consentAt", "createdAt" FROM "Lead"
       WHERE shop = $1 AND "customerId" = $2 ORDER BY "createdAt"`,
      [shop, customerId],
    );
    const result: CustomerExport = { customer: customer ?? null, orders, orderLines, leads };
    await tx.query(
      `INSERT INTO "ComplianceRequest" (id, shop, topic, "customerId", payload, export, "receivedAt", "completedAt")
       VALUES (gen_random_uuid()::text, $1, 'customers/data_request', $2, $3::jsonb, $4::jsonb, ${NOW_UTC}, ${NOW_UTC})`,
      [
        shop,
        customerId,
        JSON.stringify({ ordersRequested: p.orders_requested, dataRequestId: p.data_request?.id ?? null }),
        // Kept as read: the customer's email and name stay sealed at rest (openCustomerExport hands it over).
        JSON.stringify({ ...result, customer: sealed ?? null }),
      ],
    );
    return result;
  });
}

/** What a redaction removed or anonymised, per table. */
export type RedactionReport = Record<string, number>;

/** A stored data request export with the customer's sealed fields opened, for handing it over. */
export function openCustomerExport(stored: CustomerExport): CustomerExport {
  const pd = personalData();
  const customer = stored.customer;
  return {
    ...stored,
    customer: customer
      ? {
          ...customer,
          email: pd.open(customer.email as string | null),
          firstName: pd.open(customer.firstName as string | null),
        }
      : null,
  };
}

/**
 * customers/redact: the Customer row goes, their orders lose the link to them, storefront sign-ups
 * written to that customer go, earlier data request exports about them are erased.
 */
export async function handleCustomerRedact(
  sql: Sql,
  shop: string,
  payload: unknown,
): Promise<RedactionReport> {
  const p = CustomerRedactPayload.parse(payload);
  const customerId = p.customer.id;
  const hashes = p.customer.email ? personalData().emailHashes(p.customer.email) : [];
  return sql.transaction(async (tx) => {
    const report: RedactionReport = {};
    report.Customer = (
      await tx.query(
        `DELETE FROM "Customer" WHERE shop = $1 AND (id = $2 OR "emailHash" = ANY($3::text[])) RETURNING id`,
        [shop, customerId, hashes],
      )
    ).length;
    report.Order = (
      await tx.query(
        `UPDATE "Order" SET "customerId" = NULL WHERE shop = $1 AND ("customerId" = $2 OR id = ANY($3::bigint[])) RETURNING id`,
        [shop, customerId, p.orders_to_redact],
      )
    ).length;
    report.Lead = (
      await tx.query(
        `DELETE FROM "Lead" WHERE shop = $1 AND ("customerId" = $2 OR "emailHash" = ANY($3::text[])) RETURNING id`,
        [shop, customerId, hashes],
      )
    ).length;
    report.ComplianceRequest = (
      await tx.query(
        `UPDATE "ComplianceRequest" SET export = NULL, payload = '{}'::jsonb WHERE shop = $1 AND "customerId" = $2 RETURNING id`,
        [shop, customerId],
      )
    ).length;
    await recordRequest(tx, shop, "customers/redact", customerId);
    return report;
  });
}

/**
 * shop/redact (and the uninstall purge): every row of the shop, in every table that has one.
 * `keep` spares tables by name (Settings' "delete my data" keeps the shop installed: Session, Shop).
 */
export async function eraseShop(
  sql: Sql,
  shop: string,
  options: { keep?: readonly string[] } = {},
): Promise<RedactionReport> {
  return sql.transaction(async (tx) => {
    const report: RedactionReport = {};
    for (const { table, column } of await shopScopedTables(tx)) {
      if (options.keep?.includes(table)) continue;
      report[table] = (
        await tx.query(`DELETE FROM "${table}" WHERE "${column}" = $1 RETURNING 1`, [shop])
      ).length;
    }
    return report;
  });
}

export async function handleShopRedact(sql: Sql, shop: string, payload: unknown): Promise<RedactionReport> {
  const p = ShopRedactPayload.parse(payload);
  if (p.shop_domain !== shop) throw new Error(`shop/redact for ${p.shop_domain} received from ${shop}`);
  return eraseShop(sql, shop);
}

async function recordRequest(
  tx: SqlRunner,
  shop: string,
  topic: string,
  customerId: string | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO "ComplianceRequest" (id, shop, topic, "customerId", payload, "receivedAt", "completedAt")
     VALUES (gen_random_uuid()::text, $1, $2, $3, '{}'::jsonb, ${NOW_UTC}, ${NOW_UTC})`,
    [shop, topic, customerId],
  );
}
