// The storefront writers end to end through the store emulator over HTTP: definitions on install,
// JSON-LD, FAQ and campaign metafields written live with their availability flags, the audit trail,
// and typed errors that leave the store and our tables untouched.
import {
  parseMetafieldValue,
  productJsonLdValueSchema,
  type CampaignValue,
  type ProductFaqValue,
} from "@ninjalead/theme-extension/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureStorefrontDefinitions } from "../../app/storefront/definitions.server.js";
import {
  publishCampaign,
  publishProductFaq,
  publishProductJsonLd,
  StorefrontPublishError,
  unpublishCampaign,
  unpublishProductFaq,
  unpublishProductJsonLd,
} from "../../app/storefront/metafields.server.js";
import { startHarness, type Harness } from "../helpers/harness.js";

let h: Harness;
let shop: string;
const staff = { actor: { type: "staff" as const, id: "42" }, requestId: "req-1" };

function productMetafield(productId: bigint, key: string) {
  const product = h.emulator.store.getProduct(Number(productId));
  return product?.metafields.find((m) => m.namespace.startsWith("app--") && m.key === key);
}
function shopMetafield(key: string) {
  return h.emulator.store.shop.metafields.find((m) => m.namespace.startsWith("app--") && m.key === key);
}
function flag(key: string): string | undefined {
  return h.emulator.store.appMetafields.find((m) => m.namespace === "ninjalead" && m.key === key)?.value;
}
async function auditActions() {
  const rows = await h.ctx.db.prisma.auditEvent.findMany({ where: { shop }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => r.action);
}
async function syncedProductIds(): Promise<bigint[]> {
  const rows = await h.ctx.db.prisma.product.findMany({ where: { shop }, orderBy: { id: "asc" }, take: 3 });
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  h = await startHarness();
  shop = h.emulator.shop;
  await h.install();
  await h.settle();
});
afterAll(async () => {
  await h.close();
});

describe("metafield definitions on install", () => {
  it("creates the contract's four definitions with storefront access and the lead form flag", () => {
    const definitions = [...h.emulator.store.metafieldDefinitions.values()];
    expect(definitions.map((d) => `${d.ownerType}.${d.key}`).sort()).toEqual([
      "PRODUCT.faq",
      "PRODUCT.jsonld",
      "SHOP.campaign",
      "SHOP.personas",
    ]);
    for (const d of definitions) {
      expect(d.namespace).toMatch(/^app--\d+$/);
      expect(d.type).toBe("json");
      expect(d.access).toMatchObject({ admin: "MERCHANT_READ", storefront: "PUBLIC_READ" });
    }
    expect(flag("has_lead_form")).toBe("true");
  });

  it("is idempotent: a second run (re-auth) creates nothing", async () => {
    const outcome = await ensureStorefrontDefinitions(h.ctx.admin(shop));
    expect(outcome).toEqual({ created: [], existing: ["jsonld", "faq", "campaign", "personas"] });
    expect(h.emulator.store.metafieldDefinitions.size).toBe(4);
  });
});

describe("product JSON-LD", () => {
  it("publishes the core builder's data, valid against the contract, and sets has_jsonld", async () => {
    const [productId] = await syncedProductIds();
    if (productId === undefined) throw new Error("no synced product");
    await publishProductJsonLd(h.ctx, shop, productId, staff);
    const metafield = productMetafield(productId, "jsonld");
    expect(metafield?.type).toBe("json");
    const value = productJsonLdValueSchema.parse(JSON.parse(metafield?.value ?? "null"));
    const product = h.emulator.store.getProduct(Number(productId));
    expect(value.product.name).toBe(product?.title);
    expect(value.product.url).toBe(`https://${shop}/products/${product?.handle}`);
    expect(value.breadcrumbs?.itemListElement.at(-1)?.name).toBe(product?.title);
    expect(flag("has_jsonld")).toBe("true");
    const [event] = await h.ctx.db.prisma.auditEvent.findMany({
      where: { shop, action: "storefront.jsonld_published" },
    });
    expect(event).toMatchObject({
      actorType: "staff",
      actorId: "42",
      targetId: productId.toString(),
      requestId: "req-1",
    });
  });

  it("unpublishing the last one deletes it and turns has_jsonld off", async () => {
    const [productId] = await syncedProductIds();
    if (productId === undefined) throw new Error("no synced product");
    expect(await unpublishProductJsonLd(h.ctx, shop, productId)).toEqual({ deleted: true });
    expect(productMetafield(productId, "jsonld")).toBeUndefined();
    expect(flag("has_jsonld")).toBe("false");
  });

  it("a product that is not synced is not_found, nothing written", async () => {
    const before = await auditActions();
    await expect(publishProductJsonLd(h.ctx, shop, 123n)).rejects.toMatchObject({ code: "not_found" });
    expect(await auditActions()).toEqual(before);
  });
});

describe("product FAQ", () => {
  const en = [{ question: "What is it made of?", answer: "Organic cotton." }];
  const fr = [{ question: "En quoi est-il fait ?", answer: "En coton bio." }];

  beforeAll(async () => {
    const [productId] = await syncedProductIds();
    if (productId === undefined) throw new Error("no synced product");
    await h.ctx.db.prisma.productFaq.createMany({
      data: [
        { shop, productId, language: "en", items: en, generatedBy: "offline" },
        { shop, productId, language: "fr", items: fr, generatedBy: "offline" },
      ],
    });
  });

  it("publishes languages one by one into one metafield and keeps has_faq in step", async () => {
    const [productId] = await syncedProductIds();
    if (productId === undefined) throw new Error("no synced product");
    expect((await publishProductFaq(h.ctx, shop, productId, "en", staff)).languages).toEqual(["en"]);
    expect((await publishProductFaq(h.ctx, shop, productId, "fr", staff)).languages).toEqual(["en", "fr"]);
    const value = parseMetafieldValue("faq", JSON.parse(productMetafield(productId, "faq")?.value ?? "null"));
    expect(value).toEqual<ProductFaqValue>({ version: 1, defaultLanguage: "en", items: { en, fr } });
    expect(flag("has_faq")).toBe("true");

    expect((await unpublishProductFaq(h.ctx, shop, productId, "en", staff)).languages).toEqual(["fr"]);
    const left = parseMetafieldValue("faq", JSON.parse(productMetafield(productId, "faq")?.value ?? "null"));
    expect(left).toEqual({ version: 1, defaultLanguage: "fr", items: { fr } });
    expect(flag("has_faq")).toBe("true");
    const rows = await h.ctx.db.prisma.productFaq.findMany({
      where: { shop, productId },
      orderBy: { language: "asc" },
    });
    expect(rows.map((r) => [r.language, r.status])).toEqual([
      ["en", "draft"],
      ["fr", "published"],
    ]);

    await unpublishProductFaq(h.ctx, shop, productId, "fr", staff);
    expect(productMetafield(productId, "faq")).toBeUndefined();
    expect(flag("has_faq")).toBe("false");
    const actions = (await auditActions()).filter((a) => a.startsWith("storefront.faq"));
    expect(actions).toEqual([
      "storefront.faq_published",
      "storefront.faq_published",
      "storefront.faq_unpublished",
      "storefront.faq_unpublished",
    ]);
  });

  it("refuses an FAQ that breaks the contract (naming the field) and writes nothing", async () => {
    const [, productId] = await syncedProductIds();
    if (productId === undefined) throw new Error("no second product");
    await h.ctx.db.prisma.productFaq.create({
      data: {
        shop,
        productId,
        language: "de",
        items: [{ question: "Größe?", answer: "  " }],
        generatedBy: "offline",
      },
    });
    const error = await publishProductFaq(h.ctx, shop, productId, "de").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorefrontPublishError);
    expect(error).toMatchObject({ code: "invalid", issues: [{ path: "items.de.0.answer" }] });
    expect(productMetafield(productId, "faq")).toBeUndefined();
    const row = await h.ctx.db.prisma.productFaq.findUnique({
      where: { shop_productId_language: { shop, productId, language: "de" } },
    });
    expect(row?.status).toBe("draft");
  });
});

describe("campaign banner", () => {
  const copy = (language: string, subject: string) => ({
    channel: "email",
    language,
    content: {
      channel: "email",
      subject,
      preheader: "p",
      sections: [{ heading: null, body: "b" }],
      cta: { label: language === "fr" ? "J'en profite" : "Shop now", url: "/collections/sale" },
    },
    personaId: null,
    segment: null,
    productIds: [],
    template: null,
    generatedBy: "template",
    model: "template",
  });
  const campaign = (id: string, extra: Record<string, unknown> = {}) =>
    h.ctx.db.prisma.campaign.create({
      data: {
        id,
        shop,
        name: id,
        channel: "email",
        languages: ["en", "fr"],
        productIds: [],
        variants: { A: { en: copy("en", "Summer sale: 20% off"), fr: copy("fr", "Soldes d'été : -20 %") } },
        startsAt: new Date("2026-06-01T00:00:00Z"),
        endsAt: new Date("2026-06-30T00:00:00Z"),
        generatedBy: "template",
        ...extra,
      },
    });

  it("publishes the campaign as the shop's banner, replaces the previous one, and unpublishes", async () => {
    await campaign("summer");
    await campaign("winter");
    await publishCampaign(h.ctx, shop, "summer", staff);
    const value = parseMetafieldValue("campaign", JSON.parse(shopMetafield("campaign")?.value ?? "null"));
    expect(value).toEqual<CampaignValue>({
      version: 1,
      id: "summer",
      startsAt: "2026-06-01T00:00:00.000Z",
      endsAt: "2026-06-30T00:00:00.000Z",
      languages: ["en", "fr"],
      texts: {
        en: { message: "Summer sale: 20% off", ctaLabel: "Shop now" },
        fr: { message: "Soldes d'été : -20 %", ctaLabel: "J'en profite" },
      },
      ctaUrl: "/collections/sale",
    });
    expect(flag("has_campaign")).toBe("true");

    expect(await publishCampaign(h.ctx, shop, "winter", staff)).toMatchObject({ replaced: "summer" });
    const statuses = await h.ctx.db.prisma.campaign.findMany({ where: { shop }, orderBy: { id: "asc" } });
    expect(statuses.map((c) => [c.id, c.status])).toEqual([
      ["summer", "draft"],
      ["winter", "published"],
    ]);
    expect(await unpublishCampaign(h.ctx, shop, "summer")).toEqual({ deleted: false });
    expect(shopMetafield("campaign")).toBeDefined();
    expect(await unpublishCampaign(h.ctx, shop, "winter", staff)).toEqual({ deleted: true });
    expect(shopMetafield("campaign")).toBeUndefined();
    expect(flag("has_campaign")).toBe("false");
  });

  it("refuses a campaign without an end date or with a javascript: link, and another shop's", async () => {
    await campaign("no-end", { endsAt: null });
    await expect(publishCampaign(h.ctx, shop, "no-end")).rejects.toMatchObject({
      code: "invalid",
      issues: [{ path: "endsAt" }],
    });
    const hostile = copy("en", "Click");
    hostile.content.cta.url = "javascript:alert(1)";
    await campaign("hostile", { languages: ["en"], variants: { A: { en: hostile } } });
    await expect(publishCampaign(h.ctx, shop, "hostile")).rejects.toMatchObject({
      code: "invalid",
      issues: [{ path: "ctaUrl" }],
    });
    await expect(publishCampaign(h.ctx, "other.myshopify.com", "summer")).rejects.toMatchObject({
      code: "not_found",
    });
    expect(shopMetafield("campaign")).toBeUndefined();
  });
});
