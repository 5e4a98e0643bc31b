import type { SqlRunner } from "../db/client.server.js";

/** A mirror table as the raw upserts see it: its columns with their PostgreSQL types. */
export interface TableSpec {
  table: string;
  columns: Readonly<Record<string, string>>;
  /**
   * The column whose value orders writes: an update applies only when the incoming value is not
   * older than the stored one (out-of-order webhooks, a bulk snapshot racing a webhook).
   */
  guard?: string;
}

// Shopify timestamps are UTC; the columns are `timestamp(3)` (Prisma's DateTime) holding UTC.
export const NOW_UTC = `(now() AT TIME ZONE 'UTC')`;

const q = (name: string) => `"${name}"`;

/**
 * Multi-row upsert of `rows` (plain objects keyed by column) in one statement: the batch travels as
 * one JSON parameter expanded by `jsonb_to_recordset`, which types every column (arrays and jsonb
 * included). Rows repeated in a batch keep the last one (PostgreSQL refuses to update a row twice).
 * Returns the ids written (inserted, or updated past the guard).
 *
 * @example
 * await upsertRows(sql, VARIANT, [{ shop, id: 1, productId: 2, title: "S", price: "9.00", … }]);
 */
export async function upsertRows(
  sql: SqlRunner,
  spec: TableSpec,
  rows: readonly Record<string, unknown>[],
): Promise<bigint[]> {
  if (rows.length === 0) return [];
  const unique = new Map<string, Record<string, unknown>>();
  for (const row of rows) unique.set(`${String(row.shop)}:${String(row.id)}`, row);
  const names = Object.keys(spec.columns);
  const recordType = names.map((n) => `${q(n)} ${spec.columns[n] ?? "text"}`).join(", ");
  const updates = names
    .filter((n) => n !== "shop" && n !== "id")
    .map((n) => `${q(n)} = EXCLUDED.${q(n)}`)
    .concat(`"syncedAt" = ${NOW_UTC}`)
    .join(", ");
  const guard = spec.guard ? ` WHERE ${q(spec.table)}.${q(spec.guard)} <= EXCLUDED.${q(spec.guard)}` : "";
  const text =
    `INSERT INTO ${q(spec.table)} (${names.map(q).join(", ")}, "syncedAt") ` +
    `SELECT ${names.map((n) => `r.${q(n)}`).join(", ")}, ${NOW_UTC} FROM jsonb_to_recordset($1::jsonb) AS r(${recordType}) ` +
    `ON CONFLICT ("shop", "id") DO UPDATE SET ${updates}${guard} RETURNING "id"`;
  const written = await sql.query<{ id: string | number | bigint }>(text, [
    JSON.stringify([...unique.values()], (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
  ]);
  return written.map((r) => BigInt(r.id));
}

export const PRODUCT: TableSpec = {
  table: "Product",
  guard: "shopifyUpdatedAt",
  columns: {
    shop: "text",
    id: "bigint",
    title: "text",
    handle: "text",
    descriptionHtml: "text",
    vendor: "text",
    productType: "text",
    status: "text",
    tags: "text[]",
    seoTitle: "text",
    seoDescription: "text",
    templateSuffix: "text",
    shopifyCreatedAt: "timestamp(3)",
    shopifyUpdatedAt: "timestamp(3)",
  },
};

/** The same table written without the ordering guard: for repairs, where the store is the truth. */
export function unguarded(spec: TableSpec): TableSpec {
  return { table: spec.table, columns: spec.columns };
}

/** Product webhooks carry no SEO fields: those columns are left as the bulk sync wrote them. */
export const PRODUCT_FROM_WEBHOOK: TableSpec = {
  ...PRODUCT,
  columns: Object.fromEntries(
    Object.entries(PRODUCT.columns).filter(([name]) => name !== "seoTitle" && name !== "seoDescription"),
  ),
};

export const VARIANT: TableSpec = {
  table: "Variant",
  guard: "shopifyUpdatedAt",
  columns: {
    shop: "text",
    id: "bigint",
    productId: "bigint",
    title: "text",
    sku: "text",
    barcode: "text",
    price: "numeric",
    compareAtPrice: "numeric",
    inventoryQuantity: "integer",
    position: "integer",
    selectedOptions: "jsonb",
    shopifyUpdatedAt: "timestamp(3)",
  },
};

export const MEDIA: TableSpec = {
  table: "Media",
  columns: {
    shop: "text",
    id: "bigint",
    productId: "bigint",
    alt: "text",
    url: "text",
    mimeType: "text",
    width: "integer",
    height: "integer",
    position: "integer",
  },
};

export const PRODUCT_METAFIELD: TableSpec = {
  table: "ProductMetafield",
  columns: {
    shop: "text",
    id: "bigint",
    productId: "bigint",
    namespace: "text",
    key: "text",
    type: "text",
    value: "text",
  },
};

export const CUSTOMER: TableSpec = {
  table: "Customer",
  guard: "shopifyUpdatedAt",
  columns: {
    shop: "text",
    id: "bigint",
    email: "text",
    firstName: "text",
    locale: "text",
    countryCode: "text",
    tags: "text[]",
    state: "text",
    emailMarketingState: "text",
    shopifyCreatedAt: "timestamp(3)",
    shopifyUpdatedAt: "timestamp(3)",
  },
};

export const ORDER: TableSpec = {
  table: "Order",
  guard: "shopifyUpdatedAt",
  columns: {
    shop: "text",
    id: "bigint",
    customerId: "bigint",
    currencyCode: "text",
    totalPrice: "numeric",
    subtotalPrice: "numeric",
    totalDiscounts: "numeric",
    financialStatus: "text",
    discountCodes: "text[]",
    sourceName: "text",
    cancelledAt: "timestamp(3)",
    processedAt: "timestamp(3)",
    shopifyCreatedAt: "timestamp(3)",
    shopifyUpdatedAt: "timestamp(3)",
  },
};

export const ORDER_LINE: TableSpec = {
  table: "OrderLine",
  columns: {
    shop: "text",
    id: "bigint",
    orderId: "bigint",
    productId: "bigint",
    variantId: "bigint",
    quantity: "integer",
    price: "numeric",
  },
};
