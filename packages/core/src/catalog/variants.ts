import Big from "big.js";
import type { Language } from "../i18n/index.js";
import { canonicalOptionName, translateOptionName, translateOptionValue } from "./dictionary.js";
import { catalogMessages, type ImportWarning } from "./messages.js";
import type { SourceProduct, SourceSku, SourceSkuProperty } from "./types.js";

/** Shopify's limits for one product (Admin API 2026-10). */
export const SHOPIFY_LIMITS = { options: 3, variants: 2048, media: 250, optionValueLength: 255 } as const;

export interface VariantOptions {
  /** The shop's language: option names and plain colour values are translated into it. */
  language: Language;
  /** Preferred warehouse ("CN", "China", "US", "Spain"…); default China when offered, else the first. */
  shipsFrom?: string;
}

export interface MappedOption {
  name: string;
  /** The supplier's dimension names that feed this option (several when merged). */
  sourceNames: string[];
  values: string[];
}

export interface MappedVariant {
  sourceSkuId: string;
  sourceAttr?: string;
  /** One value per option, in option order. */
  optionValues: string[];
  cost: string;
  listPrice?: string;
  stock: number;
  sku: string;
  barcode?: string;
  image?: string;
  weightKg?: string;
}

export interface MappedVariants {
  options: MappedOption[];
  variants: MappedVariant[];
  warnings: ImportWarning[];
}

const LOGISTICS_PROPERTY_IDS = new Set(["200007763"]);
const LOGISTICS_NAME =
  /^(ships? from|shipping from|ship from|choice|发货地|envío desde|enviado desde|expédié de(puis)?|versand aus|spedito da|enviado de|verzonden vanuit|wysyłka z)$/i;

const COUNTRY_CODES: Readonly<Record<string, string>> = {
  CN: "china",
  US: "united states",
  ES: "spain",
  FR: "france",
  DE: "germany",
  IT: "italy",
  PL: "poland",
  BR: "brazil",
  GB: "united kingdom",
  UK: "united kingdom",
  RU: "russian federation",
  CZ: "czech republic",
  TR: "turkey",
  KR: "korea",
  AU: "australia",
  BE: "belgium",
  AE: "united arab emirates",
  SA: "saudi arabia",
  IL: "israel",
};

function countryKey(value: string): string {
  const trimmed = value.trim();
  return COUNTRY_CODES[trimmed.toUpperCase()] ?? trimmed.toLowerCase();
}

function isLogistics(property: SourceSkuProperty): boolean {
  return (
    (property.propertyId !== undefined && LOGISTICS_PROPERTY_IDS.has(property.propertyId)) ||
    LOGISTICS_NAME.test(property.name.trim())
  );
}

/** Trims, collapses spaces, drops control characters and capitalises the first letter. */
export function cleanOptionText(text: string): string {
  const cleaned = text
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .replace(/^[\s,;:/|-]+|[\s,;:/|-]+$/g, "")
    .trim()
    .slice(0, SHOPIFY_LIMITS.optionValueLength);
  return cleaned.charAt(0).toLocaleUpperCase() + cleaned.slice(1);
}

function dimensionKey(property: SourceSkuProperty): string {
  return property.propertyId ?? canonicalOptionName(property.name) ?? property.name.trim().toLowerCase();
}

/** Keeps the SKUs of one warehouse, so each Shopify variant maps to exactly one supplier SKU. */
function filterShipsFrom(
  skus: SourceSku[],
  preferred: string | undefined,
  warnings: ImportWarning[],
): SourceSku[] {
  const originOf = (sku: SourceSku) =>
    sku.properties.find((p) => isLogistics(p) && !/^choice$/i.test(p.name.trim()))?.value;
  const origins = [...new Set(skus.map(originOf).filter((o): o is string => o !== undefined))];
  if (origins.length <= 1) return skus;
  const wanted = countryKey(preferred ?? "CN");
  const chosen = origins.find((o) => countryKey(o) === wanted) ?? origins[0] ?? "";
  const kept = skus.filter((sku) => {
    const origin = originOf(sku);
    return origin === undefined || origin === chosen;
  });
  warnings.push({
    code: "ships_from_filtered",
    params: { origin: chosen, dropped: skus.length - kept.length },
    field: "variants",
  });
  return kept;
}

interface Candidate {
  sku: SourceSku;
  index: number;
  values: string[];
}

interface Dimension {
  key: string;
  sourceName: string;
  values: string[];
}

function skuCode(product: SourceProduct, sku: SourceSku, index: number): string {
  const code = sku.code?.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "");
  if (code && code.length <= 64) return code;
  if (/^\d+$/.test(sku.id)) return `AE-${sku.id}`;
  return `AE-${product.id}-${index + 1}`;
}

/**
 * Maps supplier SKUs to Shopify options and variants within Shopify's limits: shipping
 * dimensions (Ships From, Choice) are resolved to one warehouse and removed, option names and
 * plain colour values are cleaned and translated, beyond 3 dimensions single-value ones are
 * dropped and the rest merged into the third option, duplicate combinations are merged (the
 * cheapest in-stock SKU wins), and variants are capped at 2,048 — each change with a warning.
 *
 * @example
 * const { options, variants, warnings } = mapVariants(product, { language: "fr", shipsFrom: "CN" });
 */
export function mapVariants(product: SourceProduct, options: VariantOptions): MappedVariants {
  const warnings: ImportWarning[] = [];
  const skus = filterShipsFrom(product.skus, options.shipsFrom, warnings);

  const dimensions: Dimension[] = [];
  const dropped = new Set<string>();
  for (const sku of skus)
    for (const property of sku.properties) {
      if (isLogistics(property)) {
        dropped.add(property.name.trim());
        continue;
      }
      const key = dimensionKey(property);
      let dimension = dimensions.find((d) => d.key === key);
      if (!dimension) dimensions.push((dimension = { key, sourceName: property.name.trim(), values: [] }));
      const value = cleanOptionText(property.value);
      if (value && !dimension.values.includes(value)) dimension.values.push(value);
    }
  for (const name of dropped)
    warnings.push({ code: "logistics_option_dropped", params: { name }, field: "options" });

  // Beyond Shopify's 3 options: drop the dimensions that do not vary, then merge the rest.
  let kept = dimensions;
  if (kept.length > SHOPIFY_LIMITS.options) {
    const single = kept.filter((d) => d.values.length <= 1);
    for (const d of single.slice(0, kept.length - SHOPIFY_LIMITS.options))
      warnings.push({
        code: "single_value_option_dropped",
        params: { name: d.sourceName },
        field: "options",
      });
    const removable = new Set(single.slice(0, kept.length - SHOPIFY_LIMITS.options).map((d) => d.key));
    kept = kept.filter((d) => !removable.has(d.key));
  }
  const groups: Dimension[][] = kept.slice(0, SHOPIFY_LIMITS.options - 1).map((d) => [d]);
  const tail = kept.slice(SHOPIFY_LIMITS.options - 1);
  if (tail.length > 0) groups.push(tail);
  if (tail.length > 1)
    warnings.push({
      code: "options_merged",
      params: { names: tail.map((d) => d.sourceName).join(" / ") },
      field: "options",
    });

  const fallback = catalogMessages[options.language].default_option_value;
  const valueFor = (sku: SourceSku, d: Dimension): string => {
    const property = sku.properties.find((p) => !isLogistics(p) && dimensionKey(p) === d.key);
    const value = property ? cleanOptionText(property.value) : "";
    return translateOptionValue(d.sourceName, value || fallback, options.language);
  };

  // Group SKUs by their option values: duplicates are the same product twice.
  const byCombination = new Map<string, [Candidate, ...Candidate[]]>();
  skus.forEach((sku, index) => {
    const values = groups.map((group) => group.map((d) => valueFor(sku, d)).join(" / "));
    const combo = JSON.stringify(values.map((v) => v.toLocaleLowerCase()));
    const existing = byCombination.get(combo);
    if (existing) existing.push({ sku, index, values });
    else byCombination.set(combo, [{ sku, index, values }]);
  });
  let duplicates = 0;
  let variants: MappedVariant[] = [...byCombination.values()].map((candidates) => {
    duplicates += candidates.length - 1;
    // In stock beats out of stock, then the cheaper one, then the first listed.
    const better = (a: Candidate, b: Candidate) =>
      a.sku.stock > 0 !== b.sku.stock > 0
        ? a.sku.stock > 0
        : new Big(a.sku.cost).lt(b.sku.cost) || (new Big(a.sku.cost).eq(b.sku.cost) && a.index < b.index);
    const { sku, index, values } = candidates.reduce((best, c) => (better(c, best) ? c : best));
    const image = sku.properties.find((p) => p.image)?.image;
    return {
      sourceSkuId: sku.id,
      optionValues: values,
      cost: sku.cost,
      stock: sku.stock,
      sku: skuCode(product, sku, index),
      ...(sku.attr ? { sourceAttr: sku.attr } : {}),
      ...(sku.listPrice ? { listPrice: sku.listPrice } : {}),
      ...(sku.barcode ? { barcode: sku.barcode } : {}),
      ...(image ? { image } : {}),
      ...(product.weightKg ? { weightKg: product.weightKg } : {}),
    };
  });
  if (duplicates > 0)
    warnings.push({ code: "duplicate_variants_merged", params: { count: duplicates }, field: "variants" });

  if (variants.length > SHOPIFY_LIMITS.variants) {
    const total = variants.length;
    variants = [...variants]
      .sort((a, b) => Number(b.stock > 0) - Number(a.stock > 0))
      .slice(0, SHOPIFY_LIMITS.variants);
    warnings.push({
      code: "variants_truncated",
      params: { kept: SHOPIFY_LIMITS.variants, total },
      field: "variants",
    });
  }
  const outOfStock = variants.filter((v) => v.stock <= 0).length;
  if (outOfStock > 0)
    warnings.push({ code: "out_of_stock_variants", params: { count: outOfStock }, field: "variants" });
  if (!product.weightKg) warnings.push({ code: "weight_missing", params: {}, field: "variants" });

  // Shopify rejects two options with the same name ("Size" from two supplier dimensions).
  const usedNames = new Set<string>();
  const mappedOptions: MappedOption[] = groups.map((group, position) => {
    const base = group
      .map((d) => cleanOptionText(translateOptionName(d.sourceName, options.language)))
      .join(" / ");
    let name = base;
    for (let n = 2; usedNames.has(name.toLocaleLowerCase()); n++) name = `${base} ${n}`;
    usedNames.add(name.toLocaleLowerCase());
    return {
      name,
      sourceNames: group.map((d) => d.sourceName),
      values: [...new Set(variants.map((v) => v.optionValues[position] ?? fallback))],
    };
  });
  return { options: mappedOptions, variants, warnings };
}
