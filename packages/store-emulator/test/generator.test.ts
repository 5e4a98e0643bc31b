import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateProduct, generateStore, HandleAllocator, writeBulkJsonl, type Store } from "../src/index.js";

function fingerprint(store: Store): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify([...store.products.values()]));
  hash.update(JSON.stringify([...store.customers.values()]));
  hash.update(JSON.stringify([...store.orders.values()]));
  return hash.digest("hex");
}

describe("store generator", () => {
  it("is deterministic: same seed, same store; another seed, another store", () => {
    const options = { seed: 42, products: 120, customers: 200, orders: 900 };
    expect(fingerprint(generateStore(options))).toBe(fingerprint(generateStore(options)));
    expect(fingerprint(generateStore({ ...options, seed: 43 }))).not.toBe(
      fingerprint(generateStore(options)),
    );
  });

  it("generates product n independently of how many come before it", () => {
    const alone = generateProduct(5, 300, new HandleAllocator()).product;
    const store = generateStore({ seed: 5, products: 301, customers: 0, orders: 0 });
    const inStore = [...store.products.values()][300];
    expect({ ...inStore, handle: "" }).toEqual({ ...alone, handle: "" });
  });

  it("makes a realistic catalog: variants, images, good and bad SEO, several languages, translations", () => {
    const store = generateStore({ seed: 1, products: 500, customers: 0, orders: 0 });
    const products = [...store.products.values()];
    expect(products).toHaveLength(500);
    const variants = products.reduce((sum, p) => sum + p.variants.length, 0);
    expect(variants / products.length).toBeGreaterThan(2);
    expect(products.filter((p) => p.variants.length === 1).length).toBeGreaterThan(50);
    expect(products.filter((p) => p.media.length === 0).length).toBeGreaterThan(0);
    expect(products.filter((p) => p.media.some((m) => m.alt === null)).length).toBeGreaterThan(0);
    const seoMissing = products.filter((p) => p.seo.title === null).length;
    const seoTooLong = products.filter((p) => (p.seo.title?.length ?? 0) > 70).length;
    const seoShortDescription = products.filter(
      (p) => p.seo.description !== null && p.seo.description.length < 50,
    ).length;
    const seoGood = products.filter(
      (p) => p.seo.title !== null && p.seo.title.length <= 60 && (p.seo.description?.length ?? 0) >= 100,
    ).length;
    for (const count of [seoMissing, seoTooLong, seoShortDescription, seoGood])
      expect(count).toBeGreaterThan(10);
    expect(new Set(products.map((p) => p.handle)).size).toBe(500);
    // Titles in several scripts and languages (accents, German, Japanese).
    expect(products.some((p) => /[éèàç]/.test(p.title))).toBe(true);
    expect(products.some((p) => / aus /.test(p.title))).toBe(true);
    expect(products.some((p) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(p.title))).toBe(true);
    expect(products.filter((p) => p.translations.length > 0).length).toBeGreaterThan(20);
    expect(products.filter((p) => p.descriptionHtml === "").length).toBeGreaterThan(0);
  });

  it("makes customers and orders shaped for segments: repeat buyers, one-timers, guests, refunds", () => {
    const store = generateStore({ seed: 2, products: 50, customers: 400, orders: 4000 });
    const counts = [...store.customers.values()].map((c) => store.customerOrders(c.id).length);
    expect(counts.filter((n) => n === 1).length).toBeGreaterThan(20);
    expect(counts.filter((n) => n >= 20).length).toBeGreaterThan(5);
    const orders = [...store.orders.values()];
    expect(orders.filter((o) => o.customerId === null).length).toBeGreaterThan(50);
    expect(orders.some((o) => o.financialStatus === "REFUNDED")).toBe(true);
    expect(orders.some((o) => o.cancelledAt !== null)).toBe(true);
    // Order ids and numbers follow time, and every customer exists before their first order.
    const processed = orders.map((o) => o.processedAt);
    expect(processed).toEqual([...processed].sort());
    for (const customer of store.customers.values()) {
      const first = store.customerOrders(customer.id)[0];
      if (first) expect(customer.createdAt <= first.processedAt).toBe(true);
    }
    for (const order of orders.slice(0, 200)) {
      const subtotal = order.lineItems.reduce((sum, li) => sum + Number(li.price) * li.quantity, 0);
      expect(Number(order.subtotalPrice)).toBeCloseTo(subtotal, 2);
    }
  });

  it("generates the default demo size (500 products, 5,000 customers, 50,000 orders)", () => {
    const store = generateStore({ seed: 1, products: 500, customers: 5_000, orders: 50_000 });
    expect([store.products.size, store.customers.size, store.orders.size]).toEqual([500, 5_000, 50_000]);
  });

  it("streams a bulk JSONL file for N products, identical for the same seed", async () => {
    const directory = await mkdtemp(join(tmpdir(), "gen-test-"));
    try {
      const a = join(directory, "a.jsonl");
      const b = join(directory, "b.jsonl");
      const stats = await writeBulkJsonl(a, { seed: 3, products: 300 });
      await writeBulkJsonl(b, { seed: 3, products: 300 });
      const text = await readFile(a, "utf8");
      expect(text).toBe(await readFile(b, "utf8"));
      const lines = text.trimEnd().split("\n");
      expect(lines).toHaveLength(stats.lines);
      expect(stats.products).toBe(300);
      expect(lines.filter((l) => l.includes('"__parentId"'))).toHaveLength(stats.lines - 300);
      expect(Buffer.byteLength(text)).toBe(stats.bytes);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
