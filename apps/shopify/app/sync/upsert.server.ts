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

/** COPY text format for one value of a column of `type`: \N for NULL, escapes, {…} arrays. */
export function copyField(value: unknown, type: string): string {
  if (value === null || value === undefined) return "\\N";
  let text: string;
  if (type === "text[]") {
    text = `{${(value as string[]).map((v) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
  } else if (type === "jsonb") text = JSON.stringify(value);
  else if (typeof value === "string") text = value;
  else if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    text = value.toString();
  else text = JSON.stringify(value);
  // Most values need no escaping: test once before rewriting.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** One row as a line of COPY text: the spec's columns in order (the shape the COPY paths read). */
export function copyLine(spec: TableSpec, row: Record<string, unknown>): string {
  let line = "";
  let separator = "";
  for (const name in spec.columns) {
    line += separator + copyField(row[name], spec.columns[name] ?? "text");
    separator = "\t";
  }
  return `${line}\n`;
}

/**
 * Plain `COPY` of new rows (encoded by {@link copyLine}, no id twice) straight into the table, in a
 * transaction; `syncedAt` takes its default, the transaction's time (UTC, as every column holds).
 * For a shop's first load, where no row can conflict; a row that does (a webhook got there first)
 * makes COPY fail with a unique violation, and the caller upserts instead.
 */
export async function copyNewText(sql: SqlRunner, spec: TableSpec, data: string | Uint8Array): Promise<void> {
  if (!sql.copyIn) throw new NoCopyError();
  if (data.length === 0) return;
  await sql.query("SET LOCAL TIME ZONE 'UTC'");
  await sql.copyIn(`COPY ${q(spec.table)} (${Object.keys(spec.columns).map(q).join(", ")}) FROM STDIN`, data);
}

/**
 * {@link upsertRows} for rows encoded by {@link copyLine} (no id twice), in a transaction: COPY
 * into a per-connection staging table, then one guarded INSERT … ON CONFLICT DO UPDATE.
 */
export async function upsertCopyText(
  sql: SqlRunner,
  spec: TableSpec,
  data: string | Uint8Array,
): Promise<void> {
  if (!sql.copyIn) throw new NoCopyError();
  if (data.length === 0) return;
  const columns = Object.keys(spec.columns).map(q).join(", ");
  const stage = q(`bulk_stage_${spec.table}`);
  // Two statements (PGlite prepares every query, and a prepared statement holds one command).
  await sql.query(`CREATE TEMP TABLE IF NOT EXISTS ${stage} (${recordType(spec)}) ON COMMIT DELETE ROWS`);
  await sql.query(`TRUNCATE ${stage}`);
  await sql.copyIn(`COPY ${stage} (${columns}) FROM STDIN`, data);
  await sql.query(
    `INSERT INTO ${q(spec.table)} (${columns}, "syncedAt") SELECT ${columns}, ${NOW_UTC} FROM ${stage} ${onConflict(spec, false)}`,
  );
}

const recordType = (spec: TableSpec) =>
  Object.entries(spec.columns)
    .map(([name, type]) => `${q(name)} ${type}`)
    .join(", ");

/** ON CONFLICT clause of the upserts: every column but the key, guarded by `spec.guard`. */
function onConflict(spec: TableSpec, returning: boolean): string {
  const updates = Object.keys(spec.columns)
    .filter((n) => n !== "shop" && n !== "id")
    .map((n) => `${q(n)} = EXCLUDED.${q(n)}`)
    .concat(`"syncedAt" = ${NOW_UTC}`)
    .join(", ");
  const guard = spec.guard ? ` WHERE ${q(spec.table)}.${q(spec.guard)} <= EXCLUDED.${q(spec.guard)}` : "";
  return `ON CONFLICT ("shop", "id") DO UPDATE SET ${updates}${guard}${returning ? ` RETURNING "id"` : ""}`;
}

/** The runner cannot COPY (outside a transaction): the caller upserts instead. */
export class NoCopyError extends Error {
  override readonly name = "NoCopyError";
  constructor() {
    super("this SQL runner cannot COPY");
  }
}

/** True for PostgreSQL's unique_violation (23505), whichever driver raised it. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "23505";
}

/** Rows at or above this size go through a COPY-filled staging table when the runner can COPY. */
const COPY_THRESHOLD = 200;

/**
 * Multi-row upsert of `rows` (plain objects keyed by column) in one statement: the batch travels as
 * one JSON parameter expanded by `jsonb_to_recordset`, which types every column (arrays and jsonb
 * included). Rows repeated in a batch keep the last one (PostgreSQL refuses to update a row twice).
 * Returns the ids written (inserted, or updated past the guard), unless `returning: false`.
 *
 * @example
 * await upsertRows(sql, VARIANT, [{ shop, id: 1, productId: 2, title: "S", price: "9.00", … }]);
 */
export async function upsertRows(
  sql: SqlRunner,
  spec: TableSpec,
  rows: readonly Record<string, unknown>[],
  options: { returning?: boolean } = {},
): Promise<bigint[]> {
  if (rows.length === 0) return [];
  const unique = new Map<string, Record<string, unknown>>();
  for (const row of rows) unique.set(`${String(row.shop)}:${String(row.id)}`, row);
  const names = Object.keys(spec.columns);
  const conflict = onConflict(spec, options.returning !== false);

  if (sql.copyIn && unique.size >= COPY_THRESHOLD) {
    // Large batches: COPY into a temporary staging table, then one INSERT … SELECT … ON CONFLICT.
    // About twice as fast as expanding a JSON parameter, for the same upsert semantics.
    const stage = q(`stage_${spec.table}`);
    // One round trip: the staging table exists (per connection) and is empty.
    await sql.query(
      `CREATE TEMP TABLE IF NOT EXISTS ${stage} (${recordType(spec)}) ON COMMIT DELETE ROWS; TRUNCATE ${stage}`,
    );
    const data = [...unique.values()].map((row) => copyLine(spec, row)).join("");
    await sql.copyIn(`COPY ${stage} (${names.map(q).join(", ")}) FROM STDIN`, data);
    const written = await sql.query<{ id: string | number | bigint }>(
      `INSERT INTO ${q(spec.table)} (${names.map(q).join(", ")}, "syncedAt") SELECT ${names.map(q).join(", ")}, ${NOW_UTC} FROM ${stage} ${conflict}`,
    );
    return written.map((r) => BigInt(r.id));
  }

  const text =
    `INSERT INTO ${q(spec.table)} (${names.map(q).join(", ")}, "syncedAt") ` +
    `SELECT ${names.map((n) => `r.${q(n)}`).join(", ")}, ${NOW_UTC} FROM jsonb_to_recordset($1::jsonb) AS r(${recordType(spec)}) ` +
    conflict;
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
    mediaType: "text",
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
    emailHash: "text",
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
