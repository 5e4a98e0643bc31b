import { loadAdminSchema } from "@ninjalead/store-emulator";
import { coerceInputValue, type GraphQLInputType } from "graphql";
import { describe, expect, it } from "vitest";
import { planImport, type ExistingProduct, type ImportSettings } from "../../src/catalog/plan.js";
import { ImportError } from "../../src/catalog/errors.js";
import { parseAliExpressJson } from "../../src/catalog/aliexpress/loose.js";
import { parseAliExpressProduct } from "../../src/catalog/aliexpress/parse.js";
import { ValidationError } from "../../src/errors/index.js";
import { fixtureText, loadFixture } from "./load-fixture.js";

// Shopify's published Admin API 2026-10 schema, as shipped with the store emulator.
const schema = loadAdminSchema();

/** Coerces a value against Shopify's published 2026-10 input type, collecting every error. */
function schemaErrors(typeName: string, value: unknown): string[] {
  const errors: string[] = [];
  coerceInputValue(value, schema.getType(typeName) as GraphQLInputType, (path, _invalid, error) => {
    errors.push(`${path.join(".")}: ${error.message}`);
  });
  return errors;
}

const SETTINGS: ImportSettings = {
  language: "fr",
  pricing: {
    currency: "EUR",
    rates: { USD: "0.92" },
    multiplier: "2.5",
    minimumMargin: "0.3",
    compareAt: { mode: "supplier" },
  },
  importedAt: "2026-11-25T08:00:00Z",
  locationId: "gid://shopify/Location/1",
  tags: ["summer", "summer"],
  vendor: "Maison Lin",
};
const FIXTURES = [
  "ds-product-full.json",
  "ds-product-result-fr-eur.json",
  "ds-product-single-sku-de.json",
  "ds-product-attr-only-es.json",
  "ds-product-choice-ja.json",
];

describe("planImport", () => {
  it.each(FIXTURES)("%s gives a productSet input valid for Admin API 2026-10", (name) => {
    const plan = planImport(loadFixture(name), undefined, {
      ...SETTINGS,
      pricing: { ...SETTINGS.pricing, rates: { USD: "0.92", JPY: "0.0061" } },
    });
    expect(schemaErrors("ProductSetInput", plan.input)).toEqual([]);
    expect(schemaErrors("ProductSetIdentifiers", plan.identifier)).toEqual([]);
    const input = plan.input;
    expect(input.status).toBe("DRAFT");
    expect(input.title?.length).toBeLessThanOrEqual(70);
    expect(input.productOptions?.length).toBeGreaterThanOrEqual(1);
    expect(input.productOptions?.length).toBeLessThanOrEqual(3);
    // Every variant names a value of every option, and every value exists on its option.
    for (const variant of input.variants ?? []) {
      expect(variant.optionValues).toHaveLength(input.productOptions?.length ?? 0);
      for (const ov of variant.optionValues) {
        const option = input.productOptions?.find((o) => o.name === ov.optionName);
        expect(option?.values?.map((v) => v.name)).toContain(ov.name);
      }
      // Variant files must also be product files (Shopify rule).
      if (variant.file)
        expect(input.files?.map((f) => f.originalSource)).toContain(variant.file.originalSource);
    }
    const combos = (input.variants ?? []).map((v) => JSON.stringify(v.optionValues));
    expect(new Set(combos).size).toBe(combos.length);
    expect(input.metafields?.map((m) => m.key)).toEqual([
      "source_id",
      "source_url",
      "imported_at",
      "variant_costs",
      "media_sources",
    ]);
  });

  it("maps the full fixture: options, prices, costs, media, SEO and source metafields", () => {
    const plan = planImport(loadFixture("ds-product-full.json"), undefined, SETTINGS);
    const { input, identifier, preview } = plan;
    expect(identifier).toEqual({
      customId: { namespace: "ninjalead", key: "source_id", value: "aliexpress:1005006123456789" },
    });
    expect(plan.update).toBe(false);
    expect(input.handle).toBe("men-s-t-shirt-cotton-summer-tee-top-women-1005006123456789");
    expect(input.vendor).toBe("Maison Lin");
    expect(input.tags).toEqual(["summer"]);
    expect(input.productOptions?.map((o) => o.name)).toEqual(["Couleur", "Taille"]);
    expect(input.variants).toHaveLength(9);
    expect(input.variants?.[0]).toMatchObject({
      price: "23.99",
      compareAtPrice: "30.99",
      sku: "TEE-BLACK-S",
      inventoryItem: {
        sku: "TEE-BLACK-S",
        cost: "9.56",
        tracked: true,
        measurement: { weight: { value: 0.22, unit: "KILOGRAMS" } },
      },
      inventoryQuantities: [{ locationId: "gid://shopify/Location/1", name: "available", quantity: 57 }],
      metafields: [
        {
          namespace: "ninjalead",
          key: "source_sku_id",
          type: "single_line_text_field",
          value: "12000036000000001",
        },
        {
          namespace: "ninjalead",
          key: "source_sku_attr",
          type: "single_line_text_field",
          value: "14:193#Midnight Black;5:100014064;200007763:201336100",
        },
      ],
    });
    expect(input.files).toHaveLength(7);
    expect(input.files?.[6]).toMatchObject({ contentType: "VIDEO" });
    expect(input.descriptionHtml).toContain("<h3>Caractéristiques</h3>");
    expect(input.descriptionHtml).not.toMatch(/script|WhatsApp|iframe/);
    expect(input.seo?.title).toBe(input.title);
    expect(input.seo?.description?.length).toBeLessThanOrEqual(160);
    const costs = JSON.parse(
      input.metafields?.find((m) => m.key === "variant_costs")?.value ?? "{}",
    ) as Record<string, { cost: string }>;
    expect(Object.keys(costs)).toHaveLength(9);
    expect(costs["12000036000000003"]?.cost).toBe("11.36");
    expect(input.metafields?.find((m) => m.key === "imported_at")?.value).toBe("2026-11-25T08:00:00Z");

    expect(preview.fields.find((f) => f.field === "title")).toEqual({
      field: "title",
      before:
        "2024 New Hot Sale Free Shipping Men's T-Shirt Cotton T-Shirt Summer Tee Top Men Women T Shirt TSHIRT Dropshipping",
      after: input.title,
      changed: true,
    });
    expect(preview.variants[0]?.pricing).toMatchObject({
      price: "23.99",
      margin: "0.6015",
      landedCost: "9.5588",
    });
    expect(preview.margins).toEqual({ min: "0.6015", max: "0.6127", average: "0.6052" });
    const codes = preview.warnings.map((w) => w.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        "title_noise_removed",
        "description_cleaned",
        "contact_info_removed",
        "ships_from_filtered",
        "duplicate_variants_merged",
      ]),
    );
    expect(preview.warnings.find((w) => w.code === "description_cleaned")).toMatchObject({
      params: { count: 5, kinds: "event_handlers,scripts,embeds,tracking_pixels,links" },
      message:
        "5 éléments dangereux ou indésirables (scripts, intégrations, liens, pistage) ont été retirés de la description.",
    });
    expect(preview.warnings.find((w) => w.code === "contact_info_removed")?.message).toBe(
      "Les coordonnées du vendeur ont été retirées de la description (1).",
    );
  });

  it("gives a single-variant product Shopify's Title / Default Title option", () => {
    const { input } = planImport(loadFixture("ds-product-single-sku-de.json"), undefined, {
      language: "de",
      importedAt: "2026-11-25T08:00:00Z",
    });
    expect(input.productOptions).toEqual([
      { name: "Title", position: 1, values: [{ name: "Default Title" }] },
    ]);
    expect(input.variants?.[0]?.optionValues).toEqual([{ optionName: "Title", name: "Default Title" }]);
    expect(input.variants?.[0]?.price).toBe("16.99");
    expect(input.files).toEqual([]);
  });

  it("caps media at Shopify's 250 with a warning, and copes with no description at all", () => {
    const product = parseAliExpressProduct(loadFixture("ds-product-single-sku-de.json"));
    const images = Array.from({ length: 300 }, (_, i) => `https://ae01.alicdn.com/kf/S${i}.jpg`);
    const { input, preview } = planImport({ ...product, images, descriptionHtml: "" }, undefined, {
      importedAt: "2026-11-25T08:00:00Z",
    });
    expect(input.files).toHaveLength(250);
    expect(preview.warnings.find((w) => w.code === "media_truncated")?.params).toEqual({
      kept: 250,
      total: 300,
    });
    expect(input.descriptionHtml).toContain("<table>"); // the specifications still make a description
    expect(schemaErrors("ProductSetInput", input)).toEqual([]);
  });

  it("flags prices raised to keep the minimum margin", () => {
    const { preview } = planImport(loadFixture("ds-product-result-fr-eur.json"), undefined, {
      pricing: { multiplier: "1.1", minimumMargin: "0.5" },
      importedAt: "2026-11-25T08:00:00Z",
    });
    expect(preview.variants.every((v) => v.pricing.raisedForMargin)).toBe(true);
    expect(Number(preview.margins.min)).toBeGreaterThanOrEqual(0.5);
    expect(preview.warnings.map((w) => w.code)).toContain("price_raised_for_margin");
  });

  it("uses accepted content (AI output) instead of the cleaned supplier texts", () => {
    const { input } = planImport(loadFixture("ds-product-choice-ja.json"), undefined, {
      language: "ja",
      pricing: { currency: "JPY" },
      importedAt: "2026-11-25T08:00:00Z",
      content: {
        title: "ノイズキャンセリング ワイヤレスイヤホン",
        seoTitle: "ワイヤレスイヤホン ノイズキャンセリング Bluetooth 5.3",
        seoDescription: "最大30時間再生のワイヤレスイヤホン。",
        descriptionHtml: "<p>静かな音楽体験。</p>",
        altTexts: { "https://ae01.alicdn.com/kf/Sbuds1.jpg": "白いワイヤレスイヤホンと充電ケース" },
      },
    });
    expect(input.title).toBe("ノイズキャンセリング ワイヤレスイヤホン");
    expect(input.seo).toEqual({
      title: "ワイヤレスイヤホン ノイズキャンセリング Bluetooth 5.3",
      description: "最大30時間再生のワイヤレスイヤホン。",
    });
    expect(input.descriptionHtml).toBe("<p>静かな音楽体験。</p>");
    expect(input.files?.[0]?.alt).toBe("白いワイヤレスイヤホンと充電ケース");
    expect(input.variants?.map((v) => v.price)).toEqual(["3980", "4180"]);
  });

  it("rejects bad settings and unusable payloads with typed errors", () => {
    expect(() =>
      planImport(loadFixture("ds-product-full.json"), undefined, {
        status: "LIVE",
      } as unknown as ImportSettings),
    ).toThrow(ValidationError);
    expect(() =>
      planImport(loadFixture("ds-product-full.json"), undefined, { pricing: { currency: "EUR" } }),
    ).toThrow(/No exchange rate from USD/);
    expect(() => planImport({ result: {} })).toThrow(ImportError);
    const product = parseAliExpressProduct(loadFixture("ds-product-single-sku-de.json"));
    let error: unknown;
    try {
      planImport({ ...product, skus: [{ ...product.skus[0], cost: "8,49 €" }] }, undefined, SETTINGS);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).field).toBe("skus.0.cost");
  });
});

describe("docs/import.md example", () => {
  it("runs as written: payload → productSet input valid for 2026-10", () => {
    const body = fixtureText("ds-product-full.json");
    const payload = parseAliExpressJson(body);
    const product = parseAliExpressProduct(payload);
    const plan = planImport(product, undefined, {
      language: "fr",
      keyphrase: "t-shirt coton",
      pricing: {
        currency: "EUR",
        rates: { USD: "0.92" },
        multiplier: "2.5",
        tiers: [{ min: "0", max: "5", multiplier: "3.5" }],
        fixedMarkup: "0",
        ending: ".99",
        compareAt: { mode: "supplier" },
        shipping: { cost: "2.10", included: true },
        minimumMargin: "0.3",
      },
      locationId: "gid://shopify/Location/1",
      importedAt: new Date().toISOString(),
    });
    expect(schemaErrors("ProductSetInput", plan.input)).toEqual([]);
    expect(schemaErrors("ProductSetIdentifiers", plan.identifier)).toEqual([]);
    // (10.39 + 2.10) × 0.92 = 11.4908 → × 2.5 = 28.727 → 28.99
    expect(plan.input.variants?.[0]).toMatchObject({ price: "28.99", inventoryItem: { cost: "11.49" } });
    expect(plan.input.title?.toLowerCase()).toContain("t-shirt");
  });
});

describe("planImport re-import", () => {
  const first = planImport(loadFixture("ds-product-full.json"), undefined, SETTINGS);

  /** What the app reads back from Shopify after the first productSet (ids assigned by Shopify). */
  const existing: ExistingProduct = {
    id: "gid://shopify/Product/901",
    handle: "cotton-tee-renamed-by-merchant",
    options: (first.input.productOptions ?? []).map((o, i) => ({
      id: `gid://shopify/ProductOption/${i + 1}`,
      name: o.name ?? "",
      values: (o.values ?? []).map((v, j) => ({
        id: `gid://shopify/ProductOptionValue/${i + 1}${j}`,
        name: v.name ?? "",
      })),
    })),
    variants: (first.input.variants ?? []).map((v, i) => ({
      id: `gid://shopify/ProductVariant/${100 + i}`,
      sourceSkuId: v.metafields?.find((m) => m.key === "source_sku_id")?.value ?? "",
    })),
    media: (first.input.files ?? []).map((f, i) => ({
      id: `gid://shopify/MediaImage/${500 + i}`,
      sourceUrl: f.originalSource ?? "",
    })),
  };

  it("is deterministic: the same payload and settings give the same plan", () => {
    expect(planImport(loadFixture("ds-product-full.json"), undefined, SETTINGS)).toEqual(first);
  });

  it("updates the same product: reuses product, option, value, variant and media ids and keeps the handle", () => {
    const again = planImport(loadFixture("ds-product-full.json"), existing, {
      ...SETTINGS,
      importedAt: "2026-12-01T09:00:00Z",
      overwriteContent: true,
    });
    expect(again.update).toBe(true);
    expect(again.identifier).toEqual({ id: "gid://shopify/Product/901" });
    expect(again.input.handle).toBe("cotton-tee-renamed-by-merchant");
    expect(again.input.productOptions?.[0]).toMatchObject({
      id: "gid://shopify/ProductOption/1",
      values: [
        { id: "gid://shopify/ProductOptionValue/10", name: "Midnight Black" },
        expect.anything(),
        expect.anything(),
      ],
    });
    expect(again.input.variants?.map((v) => v.id)).toEqual(existing.variants?.map((v) => v.id));
    expect(again.input.files?.every((f) => f.id !== undefined && f.originalSource === undefined)).toBe(true);
    expect(schemaErrors("ProductSetInput", again.input)).toEqual([]);
    // Apart from ids, the handle and the import time, nothing changes: re-import is idempotent.
    const strip = (value: unknown): unknown =>
      JSON.parse(
        JSON.stringify(value, (k, v: unknown) =>
          k === "id" || k === "handle" || k === "originalSource" || k === "contentType" ? undefined : v,
        ),
      );
    const withoutTime = (input: typeof first.input) => ({
      ...input,
      metafields: input.metafields?.filter((m) => m.key !== "imported_at"),
    });
    expect(strip(withoutTime(again.input))).toEqual(strip(withoutTime(first.input)));
  });

  it("keeps the merchant's edits, tags, media and other apps' metafields by default", () => {
    const again = planImport(
      loadFixture("ds-product-full.json"),
      {
        ...existing,
        tags: ["bestseller"],
        metafields: [
          {
            namespace: "reviews",
            key: "rating",
            type: "rating",
            value: '{"value":"4.5","scale_min":"1","scale_max":"5"}',
          },
          { namespace: "ninjalead", key: "imported_at", type: "date_time", value: "2026-11-25T08:00:00Z" },
        ],
        media: [...(existing.media ?? []), { id: "gid://shopify/MediaImage/999" }],
      },
      SETTINGS,
    );
    expect(again.input.title).toBeUndefined();
    expect(again.input.descriptionHtml).toBeUndefined();
    expect(again.input.seo).toBeUndefined();
    expect(again.preview.fields.find((f) => f.field === "title")?.changed).toBe(false);
    expect(again.input.tags).toEqual(["bestseller", "summer"]);
    expect(again.input.files?.at(-1)).toEqual({ id: "gid://shopify/MediaImage/999" });
    expect(again.input.metafields?.map((m) => `${m.namespace}.${m.key}`)).toEqual([
      "ninjalead.source_id",
      "ninjalead.source_url",
      "ninjalead.imported_at",
      "ninjalead.variant_costs",
      "ninjalead.media_sources",
      "reviews.rating",
    ]);
    expect(again.input.variants?.map((v) => v.price)).toEqual(first.input.variants?.map((v) => v.price));
    expect(schemaErrors("ProductSetInput", again.input)).toEqual([]);
  });

  it("rejects a malformed existing product, naming the field", () => {
    let error: unknown;
    try {
      planImport(
        loadFixture("ds-product-full.json"),
        { id: "gid://shopify/Product/1", variants: [{ id: "" }] },
        SETTINGS,
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe("variants.0.id");
  });

  it("maps a supplier SKU to the same variant even when the supplier reorders SKUs", () => {
    const payload = loadFixture("ds-product-full.json") as {
      aliexpress_ds_product_get_response: {
        result: { ae_item_sku_info_dtos: { ae_item_sku_info_d_t_o: unknown[] } };
      };
    };
    payload.aliexpress_ds_product_get_response.result.ae_item_sku_info_dtos.ae_item_sku_info_d_t_o.reverse();
    const again = planImport(payload, existing, SETTINGS);
    for (const variant of again.input.variants ?? []) {
      const skuId = variant.metafields?.find((m) => m.key === "source_sku_id")?.value;
      expect(variant.id).toBe(existing.variants?.find((v) => v.sourceSkuId === skuId)?.id);
    }
  });
});
