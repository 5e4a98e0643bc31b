// The JSONL ingest on PostgreSQL and PGlite: children before parents, COPY for a first load with
// a fallback to upserts on conflict, the updated_at guard, and errors that name the line.
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BulkLineError, BulkParserError, ingestBulkJsonl } from "../app/sync/bulk-ingest.server.js";
import { openTestDatabase, type DatabaseKind, type TestDatabase } from "./helpers/database.js";

const SHOP = "ingest.myshopify.com";
const product = (id: number, title: string, updatedAt = "2026-01-01T00:00:00Z") => ({
  id: `gid://shopify/Product/${id}`,
  title,
  handle: `p-${id}`,
  descriptionHtml: "<p>Tab\there, newline\nthere, back\\slash</p>",
  vendor: "V",
  productType: "T",
  status: "ACTIVE",
  tags: ['with "quotes"', "a,b", "ü"],
  templateSuffix: null,
  seo: { title: `SEO ${title}`, description: null },
  createdAt: "2025-01-01T00:00:00Z",
  updatedAt,
});
const variant = (id: number, productId: number) => ({
  id: `gid://shopify/ProductVariant/${id}`,
  title: "Default",
  sku: `SKU-${id}`,
  barcode: null,
  price: "12.50",
  compareAtPrice: null,
  inventoryQuantity: 3,
  position: 1,
  selectedOptions: [{ name: "Title", value: "Default" }],
  updatedAt: "2026-01-01T00:00:00Z",
  __parentId: `gid://shopify/Product/${productId}`,
});
// One chunk per line, so that small batch sizes cut batches where the test says.
const jsonl = (objects: object[]) => Readable.from(objects.map((o) => `${JSON.stringify(o)}\n`));

describe.each<DatabaseKind>(["postgres", "pglite"])("bulk JSONL ingest on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await t.close();
  });
  const products = () =>
    t.db.sql.query<{ id: string; title: string; tags: string[]; descriptionHtml: string }>(
      `SELECT id::text, title, tags, "descriptionHtml" FROM "Product" WHERE shop = $1 ORDER BY id`,
      [SHOP],
    );

  it("writes every table, children before their parent included, values intact", async () => {
    const progress = await ingestBulkJsonl(
      jsonl([variant(11, 1), product(1, "One"), variant(21, 2), product(2, "Two")]),
      {
        shop: SHOP,
        sql: t.db.sql,
        batchSize: 2,
      },
    );
    expect(progress).toMatchObject({ lines: 4, written: { Product: 2, Variant: 2 } });
    const rows = await products();
    expect(rows.map((r) => r.title)).toEqual(["One", "Two"]);
    expect(rows[0]?.tags).toEqual(['with "quotes"', "a,b", "ü"]);
    expect(rows[0]?.descriptionHtml).toBe("<p>Tab\there, newline\nthere, back\\slash</p>");
  });

  it("a first load that meets a row already there falls back to upserts", async () => {
    const shop = `${kind}-first.myshopify.com`;
    // Batches of 2: product 5 comes again in the second batch (as a webhook would have written it).
    await ingestBulkJsonl(
      jsonl([
        product(5, "Old", "2026-01-01T00:00:00Z"),
        product(6, "Six"),
        product(5, "New", "2026-02-01T00:00:00Z"),
        product(7, "Seven"),
      ]),
      { shop, sql: t.db.sql, batchSize: 2 },
    );
    const rows = await t.db.sql.query<{ id: string; title: string }>(
      `SELECT id::text, title FROM "Product" WHERE shop = $1 ORDER BY id`,
      [shop],
    );
    expect(rows).toEqual([
      { id: "5", title: "New" },
      { id: "6", title: "Six" },
      { id: "7", title: "Seven" },
    ]);
  });

  it("never overwrites a newer row with an older snapshot line", async () => {
    await ingestBulkJsonl(
      jsonl([product(1, "Stale", "2025-06-01T00:00:00Z"), product(2, "Fresh", "2026-03-01T00:00:00Z")]),
      {
        shop: SHOP,
        sql: t.db.sql,
      },
    );
    expect((await products()).map((r) => r.title)).toEqual(["One", "Fresh"]);
  });

  it("names the line and the field of a malformed line, and writes nothing after it", async () => {
    const bad = { ...product(9, "Bad"), handle: 42 };
    const error = await ingestBulkJsonl(jsonl([product(8, "Eight"), bad]), {
      shop: `${kind}-bad.myshopify.com`,
      sql: t.db.sql,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BulkLineError);
    expect((error as BulkLineError).lineNumber).toBe(2);
    expect((error as BulkLineError).message).toContain("handle");
    expect(
      await t.db.sql.query(`SELECT 1 FROM "Product" WHERE shop = $1`, [`${kind}-bad.myshopify.com`]),
    ).toEqual([]);
  });
});

// The parser threads: the input is cut into segments of whole lines parsed side by side, then put
// back in order. Big inputs (several 4 MB segments) check what crosses a segment boundary.
describe("bulk JSONL ingest on parser threads", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase("postgres");
  });
  afterAll(async () => {
    await t.close();
  });
  const filler = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => ({
      ...product(from + i, `Filler ${from + i}`),
      descriptionHtml: "x".repeat(400),
    }));
  const media = (id: number, productId: number) => ({
    id: `gid://shopify/MediaImage/${id}`,
    alt: `m${id}`,
    mimeType: "image/png",
    image: { url: `https://cdn.example/${id}.png`, width: 1, height: 1 },
    __parentId: `gid://shopify/Product/${productId}`,
  });
  // One chunk of whole text: segments are cut by size, not by the input's chunks.
  const text = (objects: object[]) => Readable.from([objects.map((o) => JSON.stringify(o)).join("\n")]);

  it("numbers lines and positions media across segments, like the inline parser", async () => {
    const lines = [
      product(1, "First"),
      media(101, 1),
      ...filler(1_000, 12_000), // ≈ 8 MB: the next lines are two segments later
      media(102, 1),
      variant(11, 1),
    ];
    for (const parser of ["worker", "inline"] as const) {
      const shop = `${parser}-order.myshopify.com`;
      const progress = await ingestBulkJsonl(text(lines), { shop, sql: t.db.sql, parser, parserThreads: 2 });
      expect(progress).toMatchObject({
        lines: lines.length,
        written: { Product: 12_001, Media: 2, Variant: 1 },
      });
      const positions = await t.db.sql.query<{ id: string; position: number }>(
        `SELECT id::text, position FROM "Media" WHERE shop = $1 ORDER BY id`,
        [shop],
      );
      expect(positions).toEqual([
        { id: "101", position: 0 },
        { id: "102", position: 1 },
      ]);
    }
  });

  it("reports a malformed line far into the file by its line number in the file", async () => {
    const lines = [...filler(1, 12_000), { ...product(99_999, "Bad"), createdAt: "yesterday" }];
    for (const parser of ["worker", "inline"] as const) {
      const error = await ingestBulkJsonl(text(lines), {
        shop: `${parser}-far.myshopify.com`,
        sql: t.db.sql,
        parser,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BulkLineError);
      expect((error as BulkLineError).lineNumber).toBe(12_001);
      expect((error as BulkLineError).message).toMatch(/createdAt/);
    }
  });

  it.each(["throw", "exit"])("fails, not hangs, when a parser thread dies (%s)", async (how) => {
    const started = Date.now();
    const shop = `crash-${how}.myshopify.com`;
    const error = await ingestBulkJsonl(text([product(1, "One"), ...filler(10, 12_000)]), {
      shop,
      sql: t.db.sql,
      parserScript: new URL(
        `./fixtures/${how === "throw" ? "throwing" : "exiting"}-parser.worker.ts`,
        import.meta.url,
      ),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BulkParserError);
    expect((error as Error).message).toMatch(
      how === "throw" ? /parser failed: cannot parse segment \d/ : /exited \(code 3\)/,
    );
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(await t.db.sql.query(`SELECT 1 FROM "Product" WHERE shop = $1`, [shop])).toEqual([]);
  });
});
