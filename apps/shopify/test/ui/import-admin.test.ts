// The import page's server helpers against the store emulator (real productSet, real read-back)
// and PGlite: preview, create as draft, re-import in place, refusal of a bad payload.
import { readFileSync } from "node:fs";
import { createMemoryCache } from "@ninjalead/core/cache";
import { createAI } from "@ninjalead/core/ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createImport,
  importPrefill,
  listImports,
  previewImport,
  type ImportOutcome,
} from "../../app/admin/import.server.js";
import { DEFAULT_PRICING, type ImportPricingForm } from "../../app/admin/import-form.js";
import { IMPORTED_PRODUCT } from "../../app/shopify/graphql/import.js";
import { startHarness, type Harness } from "../helpers/harness.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../packages/core/test/catalog/fixtures/${name}`, import.meta.url), "utf8");
const FULL = fixture("ds-product-full.json"); // USD, 9 variants after mapping
const SOURCE_ID = "aliexpress:1005006123456789";

interface StoreProduct {
  product: {
    id: string;
    status: string;
    metafields: { nodes: { namespace: string; key: string; value: string }[] };
    variants: { nodes: { id: string; sku: string; price: string; metafield: { value: string } | null }[] };
  } | null;
}

describe("admin import helpers", () => {
  let h: Harness;
  let shop: string;
  const actor = { type: "staff" as const, id: "test" };
  const deps = () => ({
    prisma: h.t.db.prisma,
    admin: h.ctx.admin(shop),
    ai: createAI({ cache: createMemoryCache() }),
    shop,
    contentLanguage: "en" as const,
    language: "en" as const,
  });
  const form = (source: string, pricing: Partial<ImportPricingForm> = {}) => {
    const f = new FormData();
    f.set("source", source);
    for (const [key, value] of Object.entries({ ...DEFAULT_PRICING, rate: "0.92", ...pricing }))
      f.set(key, value);
    return f;
  };
  const preview = (outcome: ImportOutcome) => {
    if (!outcome.ok || outcome.kind === "urls") throw new Error(`no preview: ${JSON.stringify(outcome)}`);
    return outcome.preview;
  };
  const storeProduct = async (id: string) =>
    (await h.ctx.admin(shop).request<StoreProduct>(IMPORTED_PRODUCT, { id })).product;
  const storeCount = async () =>
    (
      await h.ctx
        .admin(shop)
        .request<{ productsCount: { count: number } }>(`query { productsCount { count } }`)
    ).productsCount.count;

  beforeAll(async () => {
    h = await startHarness({
      db: "pglite",
      emulator: { generate: { seed: 5, products: 3, customers: 2, orders: 2 } },
    });
    await h.install();
    await h.settle();
    shop = h.emulator.shop;
  });
  afterAll(async () => {
    await h?.close();
  });

  it("previews a payload: cleaned title, priced variants with margins, warnings and an SEO score", async () => {
    const before = await storeCount();
    const result = preview(await previewImport(deps(), form(FULL)));
    expect(result.update).toBe(false);
    expect(result.currency).toBe("EUR");
    expect(result.supplierCurrency).toBe("USD");
    const title = result.fields.find((f) => f.field === "title");
    expect(title?.after).not.toMatch(/Free Shipping|Dropshipping|2024/i);
    expect(title?.after.length).toBeGreaterThan(5);
    expect(result.variants).toHaveLength(9);
    for (const v of result.variants) {
      // Prices end in .99 and never fall under the 30 % minimum margin.
      expect(v.price).toMatch(/\.99$/);
      expect(Number(v.margin)).toBeGreaterThanOrEqual(0.3);
    }
    expect(Number(result.margins.min)).toBeGreaterThanOrEqual(0.3);
    expect(result.warnings.some((w) => w.code === "title_noise_removed")).toBe(true);
    expect(result.seoScore).toBeGreaterThan(0);
    expect(["good", "ok", "bad"]).toContain(result.rating);
    expect(result.ai).toBeNull();
    // A preview writes nothing.
    expect(await storeCount()).toBe(before);
    expect(await h.t.db.prisma.productImport.count({ where: { shop } })).toBe(0);
  });

  it("asks for the exchange rate when the supplier's currency is not the store's", async () => {
    const result = await previewImport(deps(), form(FULL, { rate: "" }));
    expect(result).toEqual({
      ok: false,
      fieldErrors: { rate: { key: "import.errorRateNeeded", params: { from: "USD", to: "EUR" } } },
    });
  });

  it("recognises product links but does not pretend to fetch them", async () => {
    const result = await previewImport(
      deps(),
      form("https://fr.aliexpress.com/item/1005006123456789.html?spm=a2g0o\nhttps://example.com/x"),
    );
    expect(result).toMatchObject({
      ok: true,
      kind: "urls",
      urls: [
        { productId: "1005006123456789", error: null },
        { productId: null, error: expect.stringMatching(/AliExpress/) as unknown },
      ],
    });
    expect(await h.t.db.prisma.productImport.count({ where: { shop } })).toBe(0);
  });

  it("creates the product live as a draft with its variants and metafields, then a re-import updates it in place", async () => {
    const before = await storeCount();
    const created = await createImport({ ...deps(), actor }, form(FULL, { optimise: "on" }));
    if (!created.ok || created.kind !== "created") throw new Error(JSON.stringify(created));
    expect(created.update).toBe(false);
    expect(created.preview.ai?.provider).toBe("offline");
    expect(await storeCount()).toBe(before + 1);

    const product = await storeProduct(created.productGid);
    expect(product?.status).toBe("DRAFT");
    expect(product?.variants.nodes).toHaveLength(9);
    expect(product?.variants.nodes.map((v) => v.price).sort()).toEqual(
      created.preview.variants.map((v) => v.price).sort(),
    );
    expect(product?.variants.nodes.every((v) => v.metafield?.value)).toBe(true);
    const metafield = (key: string) =>
      product?.metafields.nodes.find((m) => m.namespace === "ninjalead" && m.key === key)?.value;
    expect(metafield("source_id")).toBe(SOURCE_ID);
    expect(metafield("source_url")).toMatch(/1005006123456789/);

    const [row] = await listImports(h.t.db.prisma, shop);
    expect(row).toMatchObject({
      sourceId: SOURCE_ID,
      productGid: created.productGid,
      variantCount: 9,
      importCount: 1,
    });
    const [event] = await h.t.db.prisma.auditEvent.findMany({ where: { shop, action: "product.imported" } });
    expect(event).toMatchObject({ actorType: "staff", actorId: "test", targetId: created.productGid });

    // Re-import from the history: the stored payload and pricing, a higher multiplier this time.
    const prefill = await importPrefill(h.t.db.prisma, shop, SOURCE_ID);
    expect(prefill?.source).toBe(FULL.trim());
    expect(prefill?.optimise).toBe("on");
    expect(prefill?.multiplier).toBe(DEFAULT_PRICING.multiplier);
    const again = await previewImport(deps(), form(FULL, { multiplier: "4" }));
    expect(preview(again)).toMatchObject({ update: true, productGid: created.productGid });

    const updated = await createImport({ ...deps(), actor }, form(FULL, { multiplier: "4" }));
    if (!updated.ok || updated.kind !== "created") throw new Error(JSON.stringify(updated));
    expect(updated).toMatchObject({ update: true, productGid: created.productGid });
    expect(await storeCount()).toBe(before + 1);
    const after = await storeProduct(created.productGid);
    // Same Shopify variants, new prices.
    expect(after?.variants.nodes.map((v) => v.id).sort()).toEqual(
      product?.variants.nodes.map((v) => v.id).sort(),
    );
    const firstSku = product?.variants.nodes[0]?.sku;
    const oldPrice = Number(product?.variants.nodes.find((v) => v.sku === firstSku)?.price);
    const newPrice = Number(after?.variants.nodes.find((v) => v.sku === firstSku)?.price);
    expect(newPrice).toBeGreaterThan(oldPrice);
    const rows = await listImports(h.t.db.prisma, shop);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.importCount).toBe(2);
    expect(await h.t.db.prisma.auditEvent.count({ where: { shop, action: "product.reimported" } })).toBe(1);
  });

  it("refuses a bad payload with the field path, and writes nothing", async () => {
    const payload = JSON.parse(FULL) as {
      aliexpress_ds_product_get_response: { result: { ae_item_base_info_dto: { subject?: string } } };
    };
    delete payload.aliexpress_ds_product_get_response.result.ae_item_base_info_dto.subject;
    const before = await storeCount();
    const imports = await h.t.db.prisma.productImport.count({ where: { shop } });
    const audits = await h.t.db.prisma.auditEvent.count({ where: { shop } });

    const result = await createImport({ ...deps(), actor }, form(JSON.stringify(payload)));
    expect(result.ok).toBe(false);
    const error = result.ok ? undefined : result.fieldErrors.source;
    expect(error?.key).toBe("import.errorPayload");
    expect(error?.params?.field).toMatch(
      /^aliexpress_ds_product_get_response\.result\.ae_item_base_info_dto/,
    );

    // AliExpress's own error answer (product removed) is refused with the catalog's reason.
    const removed = await createImport({ ...deps(), actor }, form(fixture("error-product-not-found.json")));
    expect(removed.ok ? undefined : removed.fieldErrors.source?.params?.message).toBe(
      "AliExpress answered with an error: the product may have been removed.",
    );
    expect(await createImport({ ...deps(), actor }, form("{ not json"))).toEqual({
      ok: false,
      fieldErrors: { source: { key: "import.errorJson" } },
    });
    expect(
      await createImport({ ...deps(), actor }, form("   ", { multiplier: "0.5", minimumMargin: "99" })),
    ).toEqual({
      ok: false,
      fieldErrors: {
        source: { key: "import.errorSourceEmpty" },
        multiplier: { key: "import.errorMultiplier" },
        minimumMargin: { key: "import.errorMargin" },
      },
    });
    expect(await storeCount()).toBe(before);
    expect(await h.t.db.prisma.productImport.count({ where: { shop } })).toBe(imports);
    expect(await h.t.db.prisma.auditEvent.count({ where: { shop } })).toBe(audits);
  });
});
