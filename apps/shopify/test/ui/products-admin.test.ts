// The admin pages' server helpers against a synced store: real emulator, real sync, PGlite.
import { createMemoryCache } from "@ninjalead/core/cache";
import { createAI } from "@ninjalead/core/ai";
import { titleWidthPx, MAX_TITLE_PX } from "@ninjalead/core/seo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogFigures } from "../../app/admin/catalog-figures.server.js";
import { recentActivity, segmentSummary, seoHealth } from "../../app/admin/dashboard.server.js";
import {
  loadProductDetail,
  saveAltTexts,
  saveProductSeo,
  suggestProductSeo,
  truncateToWidth,
} from "../../app/admin/product-detail.server.js";
import {
  listProducts,
  matchingProductIds,
  parseProductQuery,
  PAGE_SIZE,
} from "../../app/admin/products.server.js";
import { fillScores, scoreCoverage } from "../../app/admin/seo-scores.server.js";
import { startHarness, type Harness } from "../helpers/harness.js";

const PRODUCTS = 40;

describe("admin products, product detail and dashboard helpers", () => {
  let h: Harness;
  let shop: string;
  const prisma = () => h.t.db.prisma;
  const query = (search = "") => parseProductQuery(new URL(`http://x/app/products?${search}`));

  beforeAll(async () => {
    h = await startHarness({
      db: "pglite",
      emulator: { generate: { seed: 3, products: PRODUCTS, customers: 30, orders: 120 } },
    });
    await h.install();
    await h.settle();
    shop = h.emulator.shop;
  });
  afterAll(async () => {
    await h?.close();
  });

  it("pages the catalog by cursor, forwards and back, with a current score on every row", async () => {
    const first = await listProducts(prisma(), shop, "en", query(), h.logger);
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.rows.every((r) => r.seoScore !== null && r.rating !== null)).toBe(true);
    expect(first.previous).toBeNull();
    expect(first.next).toBe(first.rows.at(-1)?.id);

    const second = await listProducts(prisma(), shop, "en", query(`after=${first.next}`), h.logger);
    expect(second.rows).toHaveLength(PRODUCTS - PAGE_SIZE);
    expect(second.next).toBeNull();
    expect(second.previous).toBe(second.rows[0]?.id);
    expect(second.rows.map((r) => r.id)).not.toContain(first.rows[0]?.id);

    const back = await listProducts(prisma(), shop, "en", query(`before=${second.previous}`), h.logger);
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(back.previous).toBeNull();
  });

  it("filters by rating, status and title (LIKE wildcards are literal), and drops bad parameters", async () => {
    await fillScores(prisma(), shop, "en", h.logger);
    expect(await scoreCoverage(prisma(), shop)).toEqual({ scored: PRODUCTS, total: PRODUCTS });

    for (const rating of ["good", "ok", "bad"] as const) {
      const page = await listProducts(prisma(), shop, "en", query(`rating=${rating}`), h.logger);
      expect(page.rows.every((r) => r.rating === rating)).toBe(true);
    }
    const drafts = await prisma().product.count({ where: { shop, status: "DRAFT" } });
    const draftPage = await listProducts(prisma(), shop, "en", query("status=DRAFT"), h.logger);
    expect(draftPage.rows.length).toBe(Math.min(drafts, PAGE_SIZE));
    expect(draftPage.rows.every((r) => r.status === "DRAFT")).toBe(true);

    const some = await prisma().product.findFirstOrThrow({ where: { shop }, orderBy: { id: "desc" } });
    const word = some.title.split(" ").at(-1) ?? "";
    const found = await listProducts(prisma(), shop, "en", query(`q=${encodeURIComponent(word)}`), h.logger);
    expect(found.rows.map((r) => r.id)).toContain(some.id.toString());
    expect((await listProducts(prisma(), shop, "en", query("q=%25"), h.logger)).rows).toEqual([]);

    const [top] = await prisma().$queryRaw<{ id: string; n: bigint }[]>`
      SELECT issue AS id, count(*) AS n FROM "ProductSeoScore", unnest(issues) AS issue
      WHERE shop = ${shop} GROUP BY issue ORDER BY count(*) DESC LIMIT 1`;
    const failing = await listProducts(prisma(), shop, "en", query(`issue=${top?.id}`), h.logger);
    expect(failing.rows.length).toBe(Math.min(Number(top?.n), PAGE_SIZE));
    const ids = failing.rows.map((r) => BigInt(r.id));
    const rows = await prisma().productSeoScore.findMany({ where: { shop, productId: { in: ids } } });
    expect(rows.every((r) => r.issues.includes(top?.id ?? ""))).toBe(true);

    expect(query("rating=great&status=gone&issue=a;b&after=1;DROP&q=")).toEqual({});
  });

  it("lists every product matching the filters for 'select all', cursors ignored, bounded", async () => {
    const all = await matchingProductIds(prisma(), shop, query(`after=1`), 1_000);
    expect(all).toHaveLength(PRODUCTS);
    // limit + 1: the caller can tell "more than the limit".
    expect(await matchingProductIds(prisma(), shop, query(), 5)).toHaveLength(6);
    const page = await listProducts(prisma(), shop, "en", query("rating=bad"), h.logger);
    const bad = await matchingProductIds(prisma(), shop, query("rating=bad"), 1_000);
    expect(bad.slice(0, page.rows.length)).toEqual(page.rows.map((r) => r.id));
    expect(await matchingProductIds(prisma(), "other.myshopify.com", query(), 1_000)).toEqual([]);
  });

  it("re-audits a product whose mirror row changed since its score", async () => {
    const product = await prisma().product.findFirstOrThrow({ where: { shop }, orderBy: { id: "asc" } });
    await prisma().product.update({
      where: { shop_id: { shop, id: product.id } },
      data: { descriptionHtml: "", seoTitle: null, seoDescription: null, syncedAt: new Date() },
    });
    expect((await scoreCoverage(prisma(), shop)).scored).toBe(PRODUCTS - 1);
    const page = await listProducts(prisma(), shop, "en", query(), h.logger);
    const stored = await prisma().productSeoScore.findUniqueOrThrow({
      where: { shop_productId: { shop, productId: product.id } },
    });
    expect(stored.issues).toContain("textLength");
    expect(page.rows.find((r) => r.id === product.id.toString())?.seoScore).toBe(stored.seoScore);
    expect(await scoreCoverage(prisma(), shop)).toEqual({ scored: PRODUCTS, total: PRODUCTS });
  });

  it("renders the checklist in the admin's language and cuts the Google title like Google", async () => {
    const product = await prisma().product.findFirstOrThrow({ where: { shop }, orderBy: { id: "asc" } });
    const en = await loadProductDetail(prisma(), shop, product.id, "en", "en", h.logger);
    const fr = await loadProductDetail(prisma(), shop, product.id, "en", "fr", h.logger);
    expect(en?.checks.length).toBeGreaterThan(10);
    expect(fr?.checks.map((c) => c.id)).toEqual(en?.checks.map((c) => c.id));
    expect(fr?.checks.map((c) => c.message)).not.toEqual(en?.checks.map((c) => c.message));
    expect(JSON.parse(en?.jsonLd ?? "{}")).toMatchObject({ "@type": "Product", name: product.title });
    expect(await loadProductDetail(prisma(), shop, 1n, "en", "en", h.logger)).toBeNull();

    const long = "Organic cotton crew neck t-shirt for men and women, soft, breathable and durable";
    const cut = truncateToWidth(long, MAX_TITLE_PX);
    expect(cut.truncated).toBe(true);
    expect(cut.text.endsWith(" ...")).toBe(true);
    expect(titleWidthPx(cut.text)).toBeLessThanOrEqual(MAX_TITLE_PX);
    expect(truncateToWidth("Linen shirt", MAX_TITLE_PX)).toEqual({ text: "Linen shirt", truncated: false });
  });

  it("saves SEO fields live to the store, mirror and audit trail together; invalid input changes nothing", async () => {
    const product = await prisma().product.findFirstOrThrow({ where: { shop }, orderBy: { id: "desc" } });
    const admin = h.ctx.admin(shop);
    const actor = { type: "staff" as const, id: "test" };
    const form = (seoTitle: string, seoDescription: string) => {
      const f = new FormData();
      f.set("seoTitle", seoTitle);
      f.set("seoDescription", seoDescription);
      return f;
    };
    const storeSeo = async () =>
      (
        await admin.request<{ product: { seo: { title: string | null; description: string | null } } }>(
          `query ($id: ID!) { product(id: $id) { seo { title description } } }`,
          { id: `gid://shopify/Product/${product.id}` },
        )
      ).product.seo;
    const before = await storeSeo();

    const invalid = await saveProductSeo({
      prisma: prisma(),
      admin,
      shop,
      productId: product.id,
      form: form("   ", "x".repeat(321)),
      actor,
    });
    expect(invalid).toEqual({
      ok: false,
      fieldErrors: { seoTitle: "product.errorTitleEmpty", seoDescription: "product.errorDescriptionLong" },
    });
    expect(await storeSeo()).toEqual(before);
    expect(await prisma().auditEvent.count({ where: { shop, action: "product.seo_updated" } })).toBe(0);

    const saved = await saveProductSeo({
      prisma: prisma(),
      admin,
      shop,
      productId: product.id,
      form: form("  Linen shirt for summer | Acme ", "A light linen shirt."),
      actor,
    });
    expect(saved).toEqual({ ok: true });
    expect(await storeSeo()).toEqual({
      title: "Linen shirt for summer | Acme",
      description: "A light linen shirt.",
    });
    const mirrored = await prisma().product.findUniqueOrThrow({
      where: { shop_id: { shop, id: product.id } },
    });
    expect([mirrored.seoTitle, mirrored.seoDescription]).toEqual([
      "Linen shirt for summer | Acme",
      "A light linen shirt.",
    ]);
    const [event] = await prisma().auditEvent.findMany({ where: { shop, action: "product.seo_updated" } });
    expect(event).toMatchObject({ actorType: "staff", actorId: "test", targetId: product.id.toString() });
    expect(event?.summary).toEqual({
      before: { seoTitle: product.seoTitle, seoDescription: product.seoDescription },
      after: { seoTitle: "Linen shirt for summer | Acme", seoDescription: "A light linen shirt." },
    });
    expect((await recentActivity(prisma(), shop))[0]?.action).toBe("product.seo_updated");
  });

  it("suggests an SEO title offline, labelled as offline", async () => {
    const product = await prisma().product.findFirstOrThrow({ where: { shop }, orderBy: { id: "asc" } });
    await prisma().product.update({
      where: { shop_id: { shop, id: product.id } },
      data: { seoTitle: "Tee" },
    });
    const suggestions = await suggestProductSeo({
      prisma: prisma(),
      ai: createAI({ cache: createMemoryCache() }),
      shop,
      productId: product.id,
      shopLanguage: "en",
    });
    expect(suggestions?.provider).toBe("offline");
    expect(suggestions?.seoTitle).toBeTruthy();
    expect(suggestions?.seoTitle).not.toBe("Tee");
  });

  it("saves image alt texts live through fileUpdate, only the changed ones, with AI suggestions per image", async () => {
    const groups = await prisma().media.groupBy({
      by: ["productId"],
      where: { shop },
      _count: { _all: true },
      orderBy: { productId: "asc" },
    });
    const productId = groups.find((g) => g._count._all >= 2)?.productId;
    if (productId === undefined) throw new Error("the generated store has no product with two images");
    const media = await prisma().media.findMany({ where: { shop, productId }, orderBy: { position: "asc" } });
    const [first, second] = media;
    if (!first || !second) throw new Error("two images expected");
    // The sync keeps each media's file type: its alt text is written by that file id.
    expect(media.map((m) => m.mediaType)).toEqual(media.map(() => "MediaImage"));
    const admin = h.ctx.admin(shop);
    const actor = { type: "staff" as const, id: "test" };
    const storeAlts = async () =>
      (
        await admin.request<{ product: { media: { nodes: { id: string; alt: string | null }[] } } }>(
          `query ($id: ID!) { product(id: $id) { media(first: 20) { nodes { id alt } } } }`,
          { id: `gid://shopify/Product/${productId}` },
        )
      ).product.media.nodes.map((n) => n.alt);
    const form = (alts: Record<string, string>) => {
      const f = new FormData();
      f.set("intent", "alts");
      for (const [id, alt] of Object.entries(alts)) f.set(`alt:${id}`, alt);
      return f;
    };
    const save = (alts: Record<string, string>) =>
      saveAltTexts({ prisma: prisma(), admin, shop, productId, form: form(alts), actor });
    const before = await storeAlts();
    const audits = () => prisma().auditEvent.count({ where: { shop, action: "product.alt_texts_updated" } });

    // A file name as alt text: the AI (offline here) suggests a real one for that image.
    await prisma().media.update({
      where: { shop_id: { shop, id: first.id } },
      data: { alt: "IMG_0042.jpg" },
    });
    const suggestions = await suggestProductSeo({
      prisma: prisma(),
      ai: createAI({ cache: createMemoryCache() }),
      shop,
      productId,
      shopLanguage: "en",
    });
    expect(Object.keys(suggestions?.altTexts ?? {})).toContain(first.id.toString());
    expect(suggestions?.altTexts[first.id.toString()]).not.toMatch(/IMG_0042/);

    // Too long, or an image of another product: refused, nothing written anywhere.
    expect(await save({ [first.id.toString()]: "x".repeat(513) })).toEqual({
      ok: false,
      fieldErrors: { [first.id.toString()]: "product.errorAltLong" },
    });
    const foreign = await prisma().media.findFirstOrThrow({ where: { shop, productId: { not: productId } } });
    expect(
      await save({ [first.id.toString()]: "Linen shirt, front", [foreign.id.toString()]: "Not mine" }),
    ).toEqual({ ok: false, fieldErrors: { form: "product.errorAltImage" } });
    expect(await storeAlts()).toEqual(before);
    expect(await audits()).toBe(0);

    // Two changed, one unchanged: one fileUpdate, the mirror and one audit event.
    const third = media[2];
    const result = await save({
      [first.id.toString()]: "  Linen shirt, front view ",
      [second.id.toString()]: "Linen shirt, back view",
      ...(third ? { [third.id.toString()]: third.alt ?? "" } : {}),
    });
    expect(result).toEqual({ ok: true, changed: 2 });
    const after = await storeAlts();
    expect(after.slice(0, 2)).toEqual(["Linen shirt, front view", "Linen shirt, back view"]);
    expect(after.slice(2)).toEqual(before.slice(2));
    const mirrored = await prisma().media.findMany({
      where: { shop, productId },
      orderBy: { position: "asc" },
    });
    expect(mirrored.slice(0, 2).map((m) => m.alt)).toEqual([
      "Linen shirt, front view",
      "Linen shirt, back view",
    ]);
    const [event] = await prisma().auditEvent.findMany({
      where: { shop, action: "product.alt_texts_updated" },
    });
    expect(event?.summary).toEqual({
      images: [
        { id: first.id.toString(), before: "IMG_0042.jpg", after: "Linen shirt, front view" },
        { id: second.id.toString(), before: second.alt ?? "", after: "Linen shirt, back view" },
      ],
    });
    // Saving the same values again writes nothing.
    expect(await save({ [first.id.toString()]: "Linen shirt, front view" })).toEqual({
      ok: true,
      changed: 0,
    });
    expect(await audits()).toBe(1);

    // In the mirror but gone from the store: Shopify refuses, the mirror keeps its value.
    // (A video here: its file id is a Video's.)
    const ghost = await prisma().media.create({
      data: {
        shop,
        id: 999_999_998n,
        productId,
        alt: "Old",
        url: first.url,
        position: 99,
        mediaType: "Video",
      },
    });
    const refused = await save({ [ghost.id.toString()]: "New" });
    expect(refused.ok).toBe(false);
    expect((refused.ok ? [] : (refused.storeErrors ?? [])).join(" ")).toContain(
      "gid://shopify/Video/999999998",
    );
    expect((await prisma().media.findUniqueOrThrow({ where: { shop_id: { shop, id: ghost.id } } })).alt).toBe(
      "Old",
    );
    expect(await audits()).toBe(1);
    await prisma().media.delete({ where: { shop_id: { shop, id: ghost.id } } });
  });

  it("summarises SEO health in SQL and caches the segment analysis", async () => {
    const health = seoHealth(await catalogFigures(prisma(), createMemoryCache(), shop), "fr");
    // Every product has a score row; the two changed above (SEO fields, alt texts) are stale
    // (re-audited on their next view).
    expect(health.ratings.good + health.ratings.ok + health.ratings.bad).toBe(PRODUCTS);
    expect(health.scored).toBe(PRODUCTS - 2);
    expect(health.topIssues.length).toBeGreaterThan(0);
    expect(health.topIssues[0]?.fix).not.toMatch(/\.fix$/);

    const cache = createMemoryCache();
    const first = await segmentSummary(prisma(), cache, shop, "en", h.logger);
    expect(first?.segments.length).toBeGreaterThan(0);
    const customers = first?.segments.reduce((n, s) => n + s.customers, 0) ?? 0;
    expect(customers).toBeGreaterThan(0);
    expect(first?.segments.reduce((n, s) => n + s.shareOfRevenue, 0)).toBeCloseTo(1, 5);
    // Served from the cache: the orders are not read again, the names follow the language asked.
    await prisma().order.deleteMany({ where: { shop } });
    const again = await segmentSummary(prisma(), cache, shop, "de", h.logger);
    expect(again?.segments.map((s) => s.customers)).toEqual(first?.segments.map((s) => s.customers));
    expect(again?.segments.map((s) => s.name)).not.toEqual(first?.segments.map((s) => s.name));
    expect(await segmentSummary(prisma(), createMemoryCache(), shop, "en", h.logger)).toBeNull();
  });

  it("shows the store's refusal and changes nothing locally when Shopify answers userErrors", async () => {
    // In the mirror but not in the store (deleted there; the webhook has not arrived yet).
    const template = await prisma().product.findFirstOrThrow({ where: { shop } });
    const ghost = await prisma().product.create({
      data: { ...template, id: 999_999_999n, tags: template.tags, seoTitle: "Old" },
    });
    const form = new FormData();
    form.set("seoTitle", "A title for a product that is gone");
    form.set("seoDescription", "");
    const audits = await prisma().auditEvent.count({ where: { shop } });
    const result = await saveProductSeo({
      prisma: prisma(),
      admin: h.ctx.admin(shop),
      shop,
      productId: ghost.id,
      form,
      actor: { type: "staff", id: "test" },
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : (result.storeErrors ?? [])).not.toEqual([]);
    const mirrored = await prisma().product.findUniqueOrThrow({ where: { shop_id: { shop, id: ghost.id } } });
    expect(mirrored.seoTitle).toBe("Old");
    expect(await prisma().auditEvent.count({ where: { shop } })).toBe(audits);
  });
});
