// Deterministic products: product `index` of seed `seed` is always the same, whatever else is
// generated, so a store and a streamed bulk file of the same seed agree line for line.
import { createHash } from "node:crypto";
import type {
  MediaRecord,
  MetafieldRecord,
  OptionRecord,
  ProductRecord,
  ProductStatus,
  TranslationRecord,
  VariantRecord,
} from "../store/types.js";
import { mixSeed, Prng, STREAM } from "./prng.js";
import {
  CATALOG_LANGUAGE_WEIGHTS,
  SIZES,
  VENDORS,
  VOCABULARY,
  type CatalogLanguage,
  type Vocabulary,
} from "./words.js";

/** Id ranges of generated objects (runtime-created objects start above all of them). */
export const ID_BASE = {
  product: 8_000_000_000_000,
  option: 10_000_000_000_000,
  optionValue: 11_000_000_000_000,
  metafield: 26_000_000_000_000,
  media: 32_000_000_000_000,
  variant: 45_000_000_000_000,
  inventoryItem: 47_000_000_000_000,
} as const;

/** Slots per product for its children's ids (variants, media, options, metafields). */
const SLOTS = 32;
const DAY = 86_400_000;
const EPOCH = Date.UTC(2024, 0, 1);

export type SeoQuality =
  | "good"
  | "missing"
  | "title_too_long"
  | "description_too_short"
  | "description_too_long"
  | "duplicate"
  | "keyword_stuffing";

const SEO_WEIGHTS: readonly (readonly [SeoQuality, number])[] = [
  ["good", 45],
  ["missing", 20],
  ["title_too_long", 8],
  ["description_too_short", 8],
  ["description_too_long", 7],
  ["duplicate", 7],
  ["keyword_stuffing", 5],
];

function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

function slug(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "") || "product"
  );
}

/** Gives each title a unique handle, suffixing `-1`, `-2`… like Shopify; sequential and deterministic. */
export class HandleAllocator {
  private readonly used = new Map<string, number>();

  next(title: string): string {
    const base = slug(title);
    const count = this.used.get(base) ?? 0;
    this.used.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  }
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function seoFor(
  quality: SeoQuality,
  title: string,
  noun: string,
  vendor: string,
  plain: string,
  words: Vocabulary,
  rng: Prng,
): ProductRecord["seo"] {
  switch (quality) {
    case "good": {
      const seoTitle = `${title} | ${vendor}`.length <= 60 ? `${title} | ${vendor}` : truncate(title, 60);
      const description = truncate(`${title}. ${plain} ${words.seoSuffix}.`, 155);
      return { title: seoTitle, description };
    }
    case "missing":
      return { title: null, description: null };
    case "title_too_long":
      return {
        title: `${title} – ${words.seoSuffix} – ${rng.pick(words.adjectives)} ${noun} – ${vendor} – ${rng.pick(words.colors)}`,
        description: truncate(plain, 150),
      };
    case "description_too_short":
      return { title: truncate(title, 60), description: noun };
    case "description_too_long":
      return {
        title: truncate(title, 60),
        description: `${plain} ${plain} ${words.sentences.join(" ")}`.slice(0, 420),
      };
    case "duplicate":
      return { title: `${vendor} – ${words.seoSuffix}`, description: `${vendor}: ${words.seoSuffix}.` };
    case "keyword_stuffing":
      return {
        title: `${noun} ${noun} ${noun} | ${noun}`,
        description: Array.from({ length: 6 }, () => noun).join(", "),
      };
  }
}

function price(rng: Prng, type: string): string {
  const base =
    /Shoes|Schuhe|Calzado|Scarpe|Calçados|Schoenen|シューズ|Chaussures|Outerwear|Vestes|Jacken|Abrigos|Capispalla|Casacos|Jassen|アウター/.test(
      type,
    )
      ? rng.int(59, 249)
      : rng.int(9, 89);
  return `${base}.${rng.pick(["00", "90", "95", "99"])}`;
}

function digest(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export interface GeneratedProduct {
  product: ProductRecord;
  language: CatalogLanguage;
  seoQuality: SeoQuality;
}

/**
 * Generates product number `index` (0-based) of a catalog.
 *
 * @example
 * const { product } = generateProduct(1, 0, new HandleAllocator(), ["fr", "de"]);
 */
export function generateProduct(
  seed: number,
  index: number,
  handles: HandleAllocator,
  translationLocales: readonly string[] = ["fr", "de", "es", "it"],
): GeneratedProduct {
  const rng = new Prng(mixSeed(seed, STREAM.product, index));
  const language = rng.weighted(CATALOG_LANGUAGE_WEIGHTS);
  const words = VOCABULARY[language];
  const [noun, productType] = rng.pick(words.nouns);
  const adjective = rng.pick(words.adjectives);
  const material = rng.pick(words.materials);
  const vendor = rng.pick(VENDORS);
  const title = words.title(adjective, material, noun);
  const createdMs = EPOCH + Math.floor(rng.next() * 600 * DAY);
  const updatedMs = createdMs + Math.floor(rng.next() * 120 * DAY);
  const createdAt = iso(createdMs);
  const updatedAt = iso(updatedMs);
  const status: ProductStatus = rng.weighted([
    ["ACTIVE", 80],
    ["DRAFT", 15],
    ["ARCHIVED", 5],
  ] as const);

  const sentences = rng.sample(words.sentences, rng.int(2, 4));
  const descriptionKind = rng.weighted([
    ["rich", 70],
    ["thin", 20],
    ["empty", 10],
  ] as const);
  const care = rng.pick(words.care);
  const descriptionHtml =
    descriptionKind === "empty"
      ? ""
      : descriptionKind === "thin"
        ? `<p>${sentences[0] ?? ""}</p>`
        : `<p>${sentences.join(" ")}</p><ul><li>${material}</li><li>${care}</li></ul>`;
  const plain = sentences.slice(0, 2).join(" ");
  const seoQuality = rng.weighted(SEO_WEIGHTS);
  const seo = seoFor(seoQuality, title, noun, vendor, plain, words, rng);

  const base = index * SLOTS;
  const apparel =
    /T-Shirt|T-shirt|Hoodie|Sweat|Pull|Sweater|Jacket|Veste|Jacke|Jeans|Chino|Camiseta|Sudadera|Felpa|Maglione|Giacca|Trui|Jas|Moletom|Suéter|Jaqueta|Calça|Tシャツ|パーカー|セーター|ジャケット|ジーンズ|Sneaker|Baskets|Zapatillas|Tênis|Boots|Stiefel|Botas|Bottines|Stivali|Laarzen|ブーツ|スニーカー/.test(
      noun,
    );
  const optionDefs: { name: string; values: string[] }[] = [];
  const variantShape = rng.weighted([
    ["single", 30],
    ["few", 35],
    ["many", 35],
  ] as const);
  if (variantShape !== "single") {
    const count = variantShape === "few" ? rng.int(2, 3) : rng.int(4, 6);
    if (apparel) {
      const colors = variantShape === "many" && rng.chance(0.5) ? rng.sample(words.colors, 2) : [];
      const sizes = SIZES.slice(rng.int(0, 1)).slice(0, colors.length ? Math.ceil(count / 2) : count);
      optionDefs.push({ name: words.sizeName, values: [...sizes] });
      if (colors.length) optionDefs.push({ name: words.colorName, values: colors });
    } else {
      optionDefs.push({ name: words.colorName, values: rng.sample(words.colors, count) });
    }
  }
  const options: OptionRecord[] = optionDefs.length
    ? optionDefs.map((def, o) => ({
        id: ID_BASE.option + base + o,
        name: def.name,
        position: o + 1,
        values: def.values.map((name, v) => ({ id: ID_BASE.optionValue + index * 256 + o * 32 + v, name })),
      }))
    : [
        {
          id: ID_BASE.option + base,
          name: "Title",
          position: 1,
          values: [{ id: ID_BASE.optionValue + index * 256, name: "Default Title" }],
        },
      ];
  const combos: { name: string; value: string }[][] = optionDefs.length
    ? optionDefs.reduce<{ name: string; value: string }[][]>(
        (acc, def) =>
          acc.flatMap((combo) => def.values.map((value) => [...combo, { name: def.name, value }])),
        [[]],
      )
    : [[{ name: "Title", value: "Default Title" }]];
  const basePrice = price(rng, productType);
  const onSale = rng.chance(0.2);
  const vendorCode = vendor.replace(/[^A-Z]/g, "").slice(0, 3) || "NL";
  const variants: VariantRecord[] = combos.slice(0, SLOTS - 1).map((selected, v) => {
    const variantPrice = rng.chance(0.15) ? (Number(basePrice) + rng.int(1, 3) * 5).toFixed(2) : basePrice;
    return {
      id: ID_BASE.variant + base + v,
      title: selected.map((s) => s.value).join(" / "),
      sku: rng.chance(0.92) ? `${vendorCode}-${index + 1}-${v + 1}` : null,
      barcode: rng.chance(0.7)
        ? String(4_000_000_000_000 + ((index * SLOTS + v) % 999_999_999_999)).padStart(13, "0")
        : null,
      price: variantPrice,
      compareAtPrice: onSale ? (Number(variantPrice) * 1.25).toFixed(2) : null,
      inventoryQuantity: rng.chance(0.1) ? 0 : rng.int(1, 120),
      inventoryPolicy: rng.chance(0.1) ? "CONTINUE" : "DENY",
      inventoryItemId: ID_BASE.inventoryItem + base + v,
      position: v + 1,
      taxable: true,
      selectedOptions: selected,
      metafields: [],
      createdAt,
      updatedAt,
    };
  });

  const imageCount = rng.weighted([
    [0, 8],
    [1, 35],
    [2, 27],
    [3, 20],
    [4, 10],
  ] as const);
  const media: MediaRecord[] = Array.from({ length: imageCount }, (_, m) => ({
    id: ID_BASE.media + base + m,
    alt: rng.chance(0.3) ? null : `${title} – ${rng.pick(words.colors)}`,
    url: `https://cdn.shopify.com/s/files/1/0000/0001/products/${slug(noun)}-${index + 1}-${m + 1}.jpg`,
    width: 2048,
    height: rng.pick([2048, 2560, 1536]),
    mimeType: "image/jpeg",
    createdAt,
  }));

  const metafields: MetafieldRecord[] = [];
  if (rng.chance(0.6)) {
    metafields.push({
      id: ID_BASE.metafield + base,
      namespace: "custom",
      key: "material",
      type: "single_line_text_field",
      value: material,
      createdAt,
      updatedAt,
    });
    metafields.push({
      id: ID_BASE.metafield + base + 1,
      namespace: "custom",
      key: "care_instructions",
      type: "multi_line_text_field",
      value: care,
      createdAt,
      updatedAt,
    });
  }
  if (rng.chance(0.3)) {
    const rating = (3 + rng.next() * 2).toFixed(1);
    metafields.push({
      id: ID_BASE.metafield + base + 2,
      namespace: "reviews",
      key: "rating",
      type: "rating",
      value: JSON.stringify({ value: rating, scale_min: "1.0", scale_max: "5.0" }),
      createdAt,
      updatedAt,
    });
  }

  const translations: TranslationRecord[] = [];
  if (language === "en" && translationLocales.length && rng.chance(0.3)) {
    for (const locale of rng.sample(translationLocales, rng.int(1, Math.min(2, translationLocales.length)))) {
      const target = VOCABULARY[(locale in VOCABULARY ? locale : "fr") as CatalogLanguage];
      const [targetNoun] = rng.pick(target.nouns);
      translations.push({
        locale,
        key: "title",
        value: target.title(rng.pick(target.adjectives), rng.pick(target.materials), targetNoun),
        digest: digest(title),
        updatedAt,
      });
      if (descriptionHtml)
        translations.push({
          locale,
          key: "body_html",
          value: `<p>${rng.sample(target.sentences, 2).join(" ")}</p>`,
          digest: digest(descriptionHtml),
          updatedAt,
        });
    }
  }

  const tags = rng.sample(
    ["new", "sale", "bestseller", "eco", "summer", "winter", "gift", "limited", language],
    rng.int(0, 4),
  );
  const product: ProductRecord = {
    id: ID_BASE.product + index + 1,
    title,
    handle: handles.next(title),
    descriptionHtml,
    vendor,
    productType,
    status,
    tags,
    templateSuffix: null,
    seo,
    options,
    variants,
    media,
    metafields,
    translations,
    createdAt,
    updatedAt,
    publishedAt: status === "DRAFT" ? null : createdAt,
  };
  return { product, language, seoQuality };
}
