import { describe, expect, it } from "vitest";
import { parseAliExpressProduct } from "../../src/catalog/aliexpress/parse.js";
import { parseAliExpressUrl } from "../../src/catalog/aliexpress/url.js";
import { translateOptionName, translateOptionValue } from "../../src/catalog/dictionary.js";
import { ImportError } from "../../src/catalog/errors.js";
import { catalogMessages, formatImportError, formatImportWarning } from "../../src/catalog/messages.js";
import { cleanTitle } from "../../src/catalog/title.js";
import type { SourceProduct } from "../../src/catalog/types.js";
import { mapVariants, SHOPIFY_LIMITS } from "../../src/catalog/variants.js";
import { findCatalogGaps, LANGUAGES } from "../../src/i18n/index.js";
import { loadFixture } from "./load-fixture.js";

describe("parseAliExpressUrl", () => {
  it.each([
    ["https://www.aliexpress.com/item/1005006123456789.html", "1005006123456789"],
    [
      "https://fr.aliexpress.com/item/1005006123456789.html?spm=a2g0o.productlist.main.1&algo_pvid=abc",
      "1005006123456789",
    ],
    ["https://m.aliexpress.com/item/1005006123456789.html#nav-review", "1005006123456789"],
    ["https://pt.aliexpress.com/i/1005006123456789.html", "1005006123456789"],
    ["https://www.aliexpress.us/item/3256806123456789.html?gatewayAdapt=glo2usa", "3256806123456789"],
    ["https://aliexpress.ru/item/1005006123456789.html?sku_id=12000036", "1005006123456789"],
    ["http://www.aliexpress.com/item/Men-T-Shirt-Cotton/32812345678.html", "32812345678"],
    ["https://www.aliexpress.com/store/product/Tee-Shop/1101234_32812345678.html", "32812345678"],
    ["https://m.aliexpress.com/app/detail.htm?productId=1005006123456789", "1005006123456789"],
    ["aliexpress.com/item/1005006123456789.html", "1005006123456789"],
    ["  1005006123456789  ", "1005006123456789"],
  ])("%s → %s", (url, id) => {
    expect(parseAliExpressUrl(url)).toBe(id);
  });

  it.each([
    ["https://s.click.aliexpress.com/e/_DkXyZ12", "short_link"],
    ["https://a.aliexpress.com/_mKxYz12", "short_link"],
    ["https://click.aliexpress.com/e/_abc", "short_link"],
    ["https://www.amazon.com/dp/B0C1234567", "not_aliexpress"],
    ["https://aliexpress.com.evil.example/item/1005006123456789.html", "not_aliexpress"],
    ["javascript:alert(1)//aliexpress.com/item/1005006123456789.html", "invalid_url"],
    ["ftp://www.aliexpress.com/item/1005006123456789.html", "not_aliexpress"],
    ["https://www.aliexpress.com/category/100003109/women-clothing.html", "invalid_url"],
    ["http://[::1", "invalid_url"],
  ])("rejects %s (%s) with a clear message", (url, reason) => {
    let error: unknown;
    try {
      parseAliExpressUrl(url);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).reason).toBe(reason);
    expect((error as ImportError).field).toBe("url");
    if (reason === "short_link") {
      expect((error as ImportError).message).toMatch(/open the link in a browser/);
      expect(formatImportError(error as ImportError, "fr")).toMatch(/^Les liens courts masquent le produit/);
    }
  });
});

describe("cleanTitle", () => {
  const stuffed =
    "2024 New Hot Sale Free Shipping Men's T-Shirt Cotton T-Shirt Summer Tee Top Men Women T Shirt TSHIRT Dropshipping";

  it("removes noise, years and repeated spellings of the same word", () => {
    const { title, removed } = cleanTitle(stuffed, { language: "en" });
    expect(title).toBe("Men's T-Shirt Cotton Summer Tee Top Women");
    expect(removed).toEqual(
      expect.arrayContaining(["Free Shipping", "Hot Sale", "2024 New", "Dropshipping", "T Shirt", "TSHIRT"]),
    );
  });

  it("fits 70 characters at a word boundary and keeps the keyphrase", () => {
    const long =
      "WATERPROOF Backpack For Men Laptop Backpack 15.6 Inch Travel Bag USB Charging Anti Theft School Bag Large Capacity";
    const { title, shortened } = cleanTitle(long, { language: "en", keyphrase: "anti theft backpack" });
    expect(shortened).toBe(true);
    expect(title.length).toBeLessThanOrEqual(70);
    expect(title).toMatch(/Anti Theft/);
    expect(title).toMatch(/^Waterproof Backpack for Men/);
    const withPhrase = cleanTitle("Steel Bottle", { language: "en", keyphrase: "insulated water bottle" });
    expect(withPhrase.title).toBe("Insulated Water Bottle Steel");
  });

  it("uses sentence case in French and keeps acronyms and brand spellings", () => {
    const { title } = cleanTitle(
      "Montre Connectée Femme Homme Montre Connectée BLUETOOTH Étanche IP68 Cardio",
      { language: "fr" },
    );
    expect(title).toBe("Montre connectée femme homme Bluetooth étanche IP68 cardio");
  });

  it("keeps German nouns capitalised and removes placeholder and blocked brands", () => {
    expect(
      cleanTitle("OEM Edelstahl Thermosflasche 500ml Auslaufsicher TeeShop", {
        language: "de",
        brandBlocklist: ["TeeShop"],
      }).title,
    ).toBe("Edelstahl Thermosflasche 500ml Auslaufsicher");
    expect(cleanTitle("Generic phone case for iphone 15", { language: "en" }).title).toBe(
      "Phone Case for iPhone 15",
    );
  });

  it("cleans Japanese and Chinese titles without casing or spaces rules", () => {
    expect(cleanTitle("ワイヤレスイヤホン Bluetooth 5.3 送料無料", { language: "ja" }).title).toBe(
      "ワイヤレスイヤホン Bluetooth 5.3",
    );
    expect(cleanTitle("包邮 2024新款 无线蓝牙耳机", { language: "zh-CN" }).title).toBe(
      "2024 无线蓝牙耳机".replace("2024 ", ""),
    );
  });

  it("keeps informative brackets and legitimate repeats, drops promotional tags", () => {
    expect(cleanTitle("Atomic Running Tee (V-neck) [50% OFF]", { language: "en" }).title).toBe(
      "Atomic Running Tee (V-neck)",
    );
    expect(cleanTitle("Canon EOS 600D + EF 18-55mm IS + EF 55-250mm IS", { language: "en" }).title).toBe(
      "Canon EOS 600D + EF 18-55mm IS + EF 55-250mm IS",
    );
    expect(cleanTitle("Água Pet - Garrafa de Água Para Cães", { language: "pt-BR" }).title).toBe(
      "Água pet - garrafa de água para cães",
    );
  });

  it("decodes entities and full-width characters without mangling symbols", () => {
    expect(cleanTitle("Ryker LumaTech&trade; Tee &amp; Cap", { language: "en" }).title).toBe(
      "Ryker LumaTech™ Tee & Cap",
    );
    expect(cleanTitle("ＵＳＢ Ｃ Cable 2m", { language: "en" }).title).toBe("USB C Cable 2m");
  });

  it("never returns an empty title", () => {
    expect(cleanTitle("Free Shipping 2024", { language: "en" }).title).toBe("Free Shipping 2024");
  });
});

describe("option dictionary", () => {
  it("translates option names from any language into each of the ten", () => {
    expect(translateOptionName("Couleur", "de")).toBe("Farbe");
    expect(translateOptionName("颜色", "pt-BR")).toBe("Cor");
    expect(translateOptionName("Shoe Size", "ja")).toBe("サイズ");
    expect(translateOptionName("Wattage", "fr")).toBe("Wattage");
    for (const language of LANGUAGES) expect(translateOptionName("Size", language)).toBeTruthy();
  });

  it("translates plain colours but not seller names", () => {
    expect(translateOptionValue("Couleur", "Noir", "en")).toBe("Black");
    expect(translateOptionValue("Color", "gray", "pl")).toBe("Szary");
    expect(translateOptionValue("Color", "Midnight Black", "fr")).toBe("Midnight Black");
    expect(translateOptionValue("Size", "Orange", "fr")).toBe("Orange");
  });

  it("has every message in all ten languages", () => {
    expect(findCatalogGaps(catalogMessages)).toEqual([]);
    expect(
      formatImportWarning({ code: "title_shortened", params: { length: 68 }, field: "title" }, "fr"),
    ).toBe("Le titre a été raccourci à 68 caractères.");
  });
});

describe("mapVariants", () => {
  it("resolves Ships From to one warehouse, merges duplicates and translates options", () => {
    const product = parseAliExpressProduct(loadFixture("ds-product-full.json"));
    const { options, variants, warnings } = mapVariants(product, { language: "fr" });
    expect(options).toEqual([
      { name: "Couleur", sourceNames: ["Color"], values: ["Midnight Black", "Blanc", "Ocean Blue"] },
      { name: "Taille", sourceNames: ["Size"], values: ["S", "M", "L"] },
    ]);
    expect(variants).toHaveLength(9);
    expect(variants[0]).toMatchObject({
      sourceSkuId: "12000036000000001",
      optionValues: ["Midnight Black", "S"],
      cost: "10.39",
      listPrice: "12.99",
      sku: "TEE-BLACK-S",
      image: "https://ae-pic-a1.aliexpress-media.com/kf/Sc0a1black.jpg",
      weightKg: "0.220",
    });
    expect(warnings.map((w) => w.code)).toEqual([
      "ships_from_filtered",
      "logistics_option_dropped",
      "duplicate_variants_merged",
    ]);
    expect(warnings[0]?.params).toEqual({ origin: "China", dropped: 2 });
    expect(formatImportWarning(warnings[0] ?? { code: "weight_missing", params: {}, field: "" }, "en")).toBe(
      "Kept only the variants shipped from China; 2 variants from other warehouses were left out.",
    );
  });

  it("picks another warehouse on request", () => {
    const product = parseAliExpressProduct(loadFixture("ds-product-full.json"));
    const { variants } = mapVariants(product, { language: "en", shipsFrom: "US" });
    expect(variants.map((v) => v.optionValues.join("/"))).toEqual(["Midnight Black/S", "Midnight Black/M"]);
    expect(variants.every((v) => v.cost === "14.00")).toBe(true);
  });

  it("drops Choice, keeps the custom Japanese names and translates the option name", () => {
    const product = parseAliExpressProduct(loadFixture("ds-product-choice-ja.json"));
    const { options, variants, warnings } = mapVariants(product, { language: "ja" });
    expect(options).toEqual([{ name: "カラー", sourceNames: ["カラー"], values: ["ホワイト", "ブラック"] }]);
    expect(variants).toHaveLength(2);
    expect(warnings.map((w) => w.code)).toEqual([
      "logistics_option_dropped",
      "logistics_option_dropped",
      "weight_missing",
    ]);
  });

  it("merges dimensions beyond three into the third option with a warning", () => {
    const product = parseAliExpressProduct(loadFixture("ds-product-attr-only-es.json"));
    const four: SourceProduct = {
      ...product,
      skus: product.skus.map((sku, i) => ({
        ...sku,
        properties: [
          ...sku.properties,
          { name: "Style", value: Math.floor(i / 2) % 2 ? "Classic" : "Sport", propertyId: "999" },
        ],
      })),
    };
    const { options, variants, warnings } = mapVariants(four, { language: "es", shipsFrom: "CN" });
    expect(options.map((o) => o.name)).toEqual(["Color", "Talla", "Estilo"]);
    expect(warnings.map((w) => w.code)).toContain("single_value_option_dropped");
    expect(variants.length).toBeGreaterThan(0);
    for (const v of variants) expect(v.optionValues).toHaveLength(3);

    const five: SourceProduct = {
      ...four,
      skus: four.skus.map((sku, i) => ({
        ...sku,
        properties: [
          ...sku.properties,
          { name: "Length", value: Math.floor(i / 4) % 2 ? "40cm" : "50cm", propertyId: "998" },
        ],
      })),
    };
    const merged = mapVariants(five, { language: "en" });
    expect(merged.options).toHaveLength(SHOPIFY_LIMITS.options);
    expect(merged.options[2]?.name).toBe("Style / Length");
    expect(merged.options[2]?.values).toContain("Sport / 50cm");
    expect(merged.warnings.map((w) => w.code)).toContain("options_merged");
  });

  it("keeps option names unique when two supplier dimensions translate to the same name", () => {
    const base = parseAliExpressProduct(loadFixture("ds-product-single-sku-de.json"));
    const skus = ["S", "M"].flatMap((size, i) =>
      ["38", "40"].map((shoe, j) => ({
        id: `${i}${j}`,
        cost: "2.00",
        stock: 3,
        properties: [
          { name: "Size", value: size, propertyId: "5" },
          { name: "Shoe Size", value: shoe, propertyId: "200000463" },
        ],
      })),
    );
    const { options } = mapVariants({ ...base, skus }, { language: "en" });
    expect(options.map((o) => o.name)).toEqual(["Size", "Size 2"]);
  });

  it("maps a product without properties to a single variant", () => {
    const product = parseAliExpressProduct(loadFixture("ds-product-single-sku-de.json"));
    const { options, variants, warnings } = mapVariants(product, { language: "de" });
    expect(options).toEqual([]);
    expect(variants).toEqual([
      {
        sourceSkuId: "1005004111222333",
        optionValues: [],
        cost: "8.49",
        stock: 340,
        sku: "AE-1005004111222333",
        weightKg: "0.35",
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it("caps variants at Shopify's 2,048, in-stock first", () => {
    const base = parseAliExpressProduct(loadFixture("ds-product-single-sku-de.json"));
    const skus = Array.from({ length: 2100 }, (_, i) => ({
      id: String(10_000 + i),
      cost: "1.00",
      stock: i < 30 ? 0 : 5,
      properties: [{ name: "Size", value: `N${i}` }],
    }));
    const { variants, warnings } = mapVariants({ ...base, skus }, { language: "en" });
    expect(variants).toHaveLength(2048);
    expect(variants.every((v) => v.stock > 0)).toBe(true);
    expect(warnings.find((w) => w.code === "variants_truncated")?.params).toEqual({
      kept: 2048,
      total: 2100,
    });
  });
});
