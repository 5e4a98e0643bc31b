import { describe, expect, it } from "vitest";
import { createAI, promptTokens } from "../../src/ai/index.js";
import { ValidationError } from "../../src/errors/index.js";
import { LANGUAGES } from "../../src/i18n/index.js";
import {
  generatePersonas,
  personaTask,
  preparePersonaInput,
  summarizeCatalog,
  translatePersonas,
} from "../../src/personas/index.js";
import { CHANNELS } from "../../src/campaigns/index.js";
import { SEGMENTS } from "../../src/segments/index.js";
import { buildShop } from "./fixtures.js";

const shop = buildShop(2_000, 300, 3);
const request = {
  shopName: "Maison Thé",
  currency: "EUR",
  statistics: shop.analysis.statistics,
  catalog: shop.catalog,
};

describe("persona prompt", () => {
  it("fits 2,000 tokens for a 10,000-product, 100,000-customer shop, in every language", () => {
    const big = buildShop(100_000, 10_000, 5);
    expect(big.analysis.table.size).toBe(100_000);
    expect(big.catalog.productCount).toBe(10_000);
    const input = preparePersonaInput({
      shopName: "La Grande Maison du Thé et des Infusions du Monde Entier",
      currency: "EUR",
      statistics: big.analysis.statistics,
      catalog: big.catalog,
    });
    expect(input.products.length).toBeLessThanOrEqual(20);
    expect(input.segments.length).toBe(big.analysis.statistics.filter((s) => s.customers > 0).length);
    for (const language of LANGUAGES) {
      const tokens = promptTokens(personaTask, input, { language });
      expect(tokens, language).toBeLessThanOrEqual(2_000);
      expect(tokens).toBeGreaterThan(300); // it does carry the statistics
    }
  });

  it("summarises, never dumps: the prompt does not grow with the catalog", () => {
    const small = promptTokens(personaTask, preparePersonaInput(request), { language: "en" });
    const catalog = summarizeCatalog(
      Array.from({ length: 20_000 }, (_, i) => ({
        id: i + 1,
        title: `Product ${i} with a long descriptive name`,
        price: i % 90,
      })),
      { currency: "EUR" },
    );
    const large = promptTokens(personaTask, preparePersonaInput({ ...request, catalog }), { language: "en" });
    expect(Math.abs(large - small)).toBeLessThan(200);
    expect(catalog.featured).toHaveLength(20);
    expect(catalog.priceRange).toEqual({ min: 0, median: 44, max: 89 });
  });

  it("rejects a shop with no customer", () => {
    expect(() =>
      preparePersonaInput({
        ...request,
        statistics: request.statistics.map((s) => ({ ...s, customers: 0 })),
      }),
    ).toThrow(ValidationError);
  });
});

describe("personas offline", () => {
  const ai = createAI();
  const realIds = new Set(
    shop.analysis.statistics
      .flatMap((s) => s.topProducts.map((p) => p.id))
      .concat(shop.catalog.featured.map((f) => f.id)),
  );

  it("writes 3–6 grounded personas in each of the 10 languages", async () => {
    const nonEmpty = shop.analysis.statistics.filter((s) => s.customers > 0).map((s) => s.segment);
    for (const language of LANGUAGES) {
      const set = await generatePersonas(ai, request, { language, shopId: "shop-1" });
      expect(set.generatedBy).toBe("offline");
      expect(set.personas.length).toBeGreaterThanOrEqual(3);
      expect(set.personas.length).toBeLessThanOrEqual(6);
      for (const p of set.personas) {
        expect(nonEmpty).toContain(p.segment);
        expect(SEGMENTS).toContain(p.segment);
        expect(p.favouriteProductIds.length).toBeGreaterThan(0);
        for (const id of p.favouriteProductIds) expect(realIds.has(id), id).toBe(true);
        expect(p.goals.length).toBeGreaterThanOrEqual(2);
        expect(p.pains.length).toBeGreaterThanOrEqual(2);
        expect(p.objections.length).toBeGreaterThanOrEqual(2);
        expect(p.buyingTriggers.length).toBeGreaterThanOrEqual(2);
        for (const c of p.preferredChannels) expect(CHANNELS).toContain(c);
        expect(p.demographics.ageRange[0]).toBeLessThanOrEqual(p.demographics.ageRange[1]);
        expect(p.demographics.locations.length).toBeGreaterThan(0);
        expect(p.avatar?.provider).toBe("offline");
        expect(p.avatar?.contentType).toBe("image/svg+xml");
      }
      const first = set.personas[0];
      // Written in the shop's language, with the segment's real figures.
      if (language === "fr") expect(first?.summary).toMatch(/des clients : .* commandes en moyenne/);
      if (language === "ja") expect(first?.summary).toMatch(/顧客の/);
      if (language === "de") expect(first?.demographics.locations).toContain("Frankreich");
    }
  });

  it("translates on demand, keeping ids, segments, products and avatars", async () => {
    const fr = await generatePersonas(ai, request, { language: "fr" });
    const de = await translatePersonas(ai, request, fr, "de");
    expect(de.language).toBe("de");
    expect(de.personas.map((p) => [p.id, p.segment, p.favouriteProductIds, p.avatar?.key])).toEqual(
      fr.personas.map((p) => [p.id, p.segment, p.favouriteProductIds, p.avatar?.key]),
    );
    expect(de.personas[0]?.summary).toMatch(/der Kunden/);
    expect(await translatePersonas(ai, request, fr, "fr")).toBe(fr);
  });

  it("a tiny shop (one segment) still gets three distinct personas", async () => {
    const one = request.statistics.map((s, i) => (i === 0 ? s : { ...s, customers: 0 }));
    const set = await generatePersonas(
      ai,
      { ...request, statistics: one },
      { language: "en", avatars: false },
    );
    expect(set.personas).toHaveLength(3);
    expect(new Set(set.personas.map((p) => p.name)).size).toBe(3);
    expect(set.personas[0]?.avatar).toBeNull();
  });
});
