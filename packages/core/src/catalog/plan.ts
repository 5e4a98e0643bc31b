import Big from "big.js";
import { z } from "zod";
import { LANGUAGES, type Language } from "../i18n/index.js";
import { parseOrThrow, toFieldIssues } from "../internal/zod.js";
import { ImportError } from "./errors.js";
import { parseAliExpressProduct } from "./aliexpress/parse.js";
import { formatImportWarning, type ImportWarning } from "./messages.js";
import { definePricingRules, priceVariant, pricingRulesFields, type PriceResult } from "./pricing.js";
import {
  IMPORT_METAFIELD_NAMESPACE,
  type FileSetInput,
  type MetafieldInput,
  type OptionSetInput,
  type ProductSetIdentifiers,
  type ProductSetInput,
  type ProductStatus,
  type ProductVariantSetInput,
} from "./product-set.js";
import { sanitizeDescription, type RemovedKind } from "./sanitize.js";
import { specificationsTable } from "./specs.js";
import { cleanTitle, MAX_TITLE_LENGTH } from "./title.js";
import type { SourceProduct } from "./types.js";
import { mapVariants, SHOPIFY_LIMITS, type MappedVariant } from "./variants.js";

export const SEO_DESCRIPTION_MAX = 160;

const settingsSchema = z.object({
  /** The shop's language: titles, option names, messages. */
  language: z.enum(LANGUAGES).default("en"),
  /** Pricing rules; `currency` defaults to the supplier's. */
  pricing: pricingRulesFields.partial({ currency: true }).optional(),
  shipsFrom: z.string().optional(),
  status: z.enum(["ACTIVE", "ARCHIVED", "DRAFT", "UNLISTED"]).default("DRAFT"),
  vendor: z.string().trim().min(1).optional(),
  productType: z.string().trim().min(1).optional(),
  tags: z.array(z.string().trim().min(1).max(255)).default([]),
  keyphrase: z.string().trim().min(1).optional(),
  brandBlocklist: z.array(z.string()).default([]),
  descriptionImages: z.enum(["keep", "drop"]).default("keep"),
  /** Location to set stock at; without it, quantities are left to the sync. */
  locationId: z.string().min(1).optional(),
  /** ISO timestamp recorded as `imported_at`; pass it to keep planImport deterministic. */
  importedAt: z.iso.datetime({ offset: true }).optional(),
  /**
   * On re-import (`existing` given), also rewrite title, description and SEO. Off by default: the
   * merchant's edits survive, while variants, prices, stock, options and media follow the supplier.
   */
  overwriteContent: z.boolean().default(false),
  /** Texts that replace the cleaned supplier ones (typically the accepted AI output). */
  content: z
    .object({
      title: z.string().trim().min(1).max(255).optional(),
      descriptionHtml: z.string().optional(),
      seoTitle: z.string().trim().min(1).max(MAX_TITLE_LENGTH).optional(),
      seoDescription: z.string().trim().min(1).max(320).optional(),
      /** Alt text per image URL. */
      altTexts: z.record(z.string(), z.string().max(512)).optional(),
    })
    .optional(),
});

export type ImportSettings = z.input<typeof settingsSchema>;

const existingSchema = z.object({
  id: z.string().min(1),
  handle: z.string().min(1).optional(),
  /** Tags on the product now (the merchant's are kept). */
  tags: z.array(z.string()).optional(),
  /** Metafields on the product now: those of other namespaces or apps are kept. */
  metafields: z
    .array(z.object({ namespace: z.string(), key: z.string(), type: z.string(), value: z.string() }))
    .optional(),
  options: z
    .array(
      z.object({
        id: z.string().min(1),
        name: z.string(),
        values: z.array(z.object({ id: z.string().min(1), name: z.string() })),
      }),
    )
    .optional(),
  variants: z
    .array(
      z.object({
        id: z.string().min(1),
        sourceSkuId: z.string().optional(),
        sku: z.string().optional(),
        optionValues: z.array(z.string()).optional(),
      }),
    )
    .optional(),
  /** Media on the product now, with the supplier URL it was created from (none: added by the merchant). */
  media: z.array(z.object({ id: z.string().min(1), sourceUrl: z.string().optional() })).optional(),
});

/** What the shop already has for this supplier product (read back after a previous import). */
export type ExistingProduct = z.input<typeof existingSchema>;

export interface PreviewField {
  field: string;
  before: string;
  after: string;
  /** False when the field is left as it is in the shop (re-import without overwriteContent). */
  changed: boolean;
}

export interface PreviewVariant {
  sourceSkuId: string;
  sku: string;
  options: string[];
  supplierCost: string;
  supplierCurrency: string;
  stock: number;
  pricing: PriceResult;
}

export interface ImportPreview {
  fields: PreviewField[];
  variants: PreviewVariant[];
  margins: { min: string; max: string; average: string };
  warnings: (ImportWarning & { message: string })[];
}

export interface ImportPlan {
  /** `identifier` argument for `productSet`. */
  identifier: ProductSetIdentifiers;
  /** `input` argument for `productSet`. */
  input: ProductSetInput;
  preview: ImportPreview;
  /** True when the plan updates an existing product rather than creating one. */
  update: boolean;
  source: SourceProduct;
}

/** The value written to `ninjalead.source_id`, unique per supplier product. */
export function sourceIdOf(product: Pick<SourceProduct, "source" | "id">): string {
  return `${product.source}:${product.id}`;
}

/** A URL handle from the title, ending with the supplier id so two imports never collide. */
export function handleFor(title: string, productId: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  // Cut long slugs at a word boundary rather than mid-word.
  const short = slug.length > 60 ? slug.slice(0, 61).replace(/-[^-]*$/, "") : slug;
  return short ? `${short}-${productId}` : `product-${productId}`;
}

function firstSentences(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const sentenceEnd = Math.max(cut.lastIndexOf(". "), cut.lastIndexOf("。"), cut.lastIndexOf("! "));
  if (sentenceEnd > max / 2) return cut.slice(0, sentenceEnd + 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 0 ? cut.lastIndexOf(" ") : cut.length).trimEnd()}…`;
}

function kg(value: string): number {
  return Number(new Big(value).round(3).toString());
}

function matchVariantId(
  existing: ExistingProductData | undefined,
  variant: MappedVariant,
): string | undefined {
  const variants = existing?.variants ?? [];
  return (
    variants.find((v) => v.sourceSkuId !== undefined && v.sourceSkuId === variant.sourceSkuId)?.id ??
    variants.find((v) => v.sku !== undefined && v.sku === variant.sku)?.id ??
    variants.find(
      (v) =>
        v.optionValues !== undefined &&
        v.optionValues.length === variant.optionValues.length &&
        v.optionValues.every((o, i) => o.toLowerCase() === (variant.optionValues[i] ?? "").toLowerCase()),
    )?.id
  );
}

type ExistingProductData = z.output<typeof existingSchema>;

const decimalString = z.string().regex(/^\d+(\.\d+)?$/, "expected a decimal string");
/** A SourceProduct built by a caller (another supplier adapter, a stored copy) is checked too. */
const sourceProductSchema = z.object({
  source: z.literal("aliexpress"),
  id: z.string().regex(/^\d{6,20}$/),
  url: z.url(),
  title: z.string().trim().min(1),
  descriptionHtml: z.string(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  categoryId: z.string().optional(),
  images: z.array(z.url()),
  videos: z.array(z.object({ url: z.url(), posterUrl: z.url().optional() })),
  specifications: z.array(z.object({ name: z.string(), value: z.string() })),
  skus: z
    .array(
      z.object({
        id: z.string().min(1),
        attr: z.string().optional(),
        cost: decimalString,
        listPrice: decimalString.optional(),
        stock: z.number().int().min(0),
        code: z.string().optional(),
        barcode: z.string().optional(),
        properties: z.array(
          z.object({
            propertyId: z.string().optional(),
            name: z.string().min(1),
            valueId: z.string().optional(),
            value: z.string().min(1),
            image: z.url().optional(),
          }),
        ),
      }),
    )
    .min(1),
  weightKg: decimalString.optional(),
  dimensionsCm: z.object({ length: decimalString, width: decimalString, height: decimalString }).optional(),
  store: z.object({ id: z.string().optional(), name: z.string().optional() }).optional(),
  shipToCountry: z.string().optional(),
  deliveryDays: z.number().int().optional(),
  rating: z.string().optional(),
  reviewCount: z.number().int().optional(),
  orderCount: z.number().int().optional(),
});

function payloadToProduct(payload: unknown): SourceProduct {
  const looksParsed =
    typeof payload === "object" && payload !== null && (payload as { source?: unknown }).source !== undefined;
  if (!looksParsed) return parseAliExpressProduct(payload);
  const result = sourceProductSchema.safeParse(payload);
  // Validated field by field above; the schema's optional fields only differ from the interface
  // in allowing an explicit `undefined`, which every reader here treats as absent.
  if (result.success) return payload as SourceProduct;
  const issues = toFieldIssues(result.error);
  throw new ImportError(
    "invalid_payload",
    `Invalid source product: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
    issues,
  );
}

/**
 * Plans an import as a pure function: from an AliExpress payload (or an already parsed
 * SourceProduct) to the `identifier` and `input` of Shopify's `productSet` mutation, plus a
 * preview for the merchant. Re-importing with `existing` (the product found by its
 * `ninjalead.source_id` metafield) reuses its product, option, option value, variant and media
 * ids and keeps its handle, so the same product is updated rather than duplicated; without it the
 * identifier is the `customId` on `ninjalead.source_id`, which upserts too.
 *
 * @example
 * const plan = planImport(payload, undefined, {
 *   language: "fr",
 *   pricing: { currency: "EUR", rates: { USD: "0.92" }, multiplier: "2.5", minimumMargin: "0.3" },
 * });
 * await admin.graphql(PRODUCT_SET, { variables: { identifier: plan.identifier, input: plan.input } });
 */
export function planImport(
  payload: unknown,
  existingInput?: ExistingProduct | null,
  settings: ImportSettings = {},
): ImportPlan {
  const cfg = parseOrThrow(settingsSchema, settings, "import settings", "invalid_config");
  const existing = existingInput
    ? parseOrThrow(existingSchema, existingInput, "existing product")
    : undefined;
  const writeContent = !existing || cfg.overwriteContent;
  const product = payloadToProduct(payload);
  const language: Language = cfg.language;
  const rules = definePricingRules({ ...cfg.pricing, currency: cfg.pricing?.currency ?? product.currency });
  const warnings: ImportWarning[] = [];
  const importedAt = cfg.importedAt ?? new Date().toISOString();

  // Title
  const cleaned = cleanTitle(product.title, {
    language,
    ...(cfg.keyphrase ? { keyphrase: cfg.keyphrase } : {}),
    brandBlocklist: [...cfg.brandBlocklist, ...(product.store?.name ? [product.store.name] : [])],
  });
  if (cleaned.removed.length > 0)
    warnings.push({
      code: "title_noise_removed",
      params: { removed: cleaned.removed.join(", ") },
      field: "title",
    });
  if (cleaned.shortened)
    warnings.push({ code: "title_shortened", params: { length: cleaned.title.length }, field: "title" });
  const title = cfg.content?.title ?? cleaned.title;

  // Description
  const sanitized = sanitizeDescription(product.descriptionHtml, {
    imageAlt: title,
    images: cfg.descriptionImages,
  });
  const removedKinds = (Object.entries(sanitized.removed) as [RemovedKind, number][]).filter(
    ([kind, n]) => n > 0 && kind !== "contact_info" && kind !== "styles",
  );
  if (removedKinds.length > 0)
    warnings.push({
      code: "description_cleaned",
      params: {
        count: removedKinds.reduce((sum, [, n]) => sum + n, 0),
        kinds: removedKinds.map(([kind]) => kind).join(","),
      },
      field: "descriptionHtml",
    });
  if (sanitized.removed.contact_info)
    warnings.push({
      code: "contact_info_removed",
      params: { count: sanitized.removed.contact_info },
      field: "descriptionHtml",
    });
  // Given content (AI output, an editor) goes through the same allow-list as supplier HTML.
  const descriptionHtml =
    cfg.content?.descriptionHtml !== undefined
      ? sanitizeDescription(cfg.content.descriptionHtml, { imageAlt: title, images: cfg.descriptionImages })
          .html
      : sanitized.html + specificationsTable(product.specifications, language);

  // Options and variants
  const mapped = mapVariants(product, { language, ...(cfg.shipsFrom ? { shipsFrom: cfg.shipsFrom } : {}) });
  warnings.push(...mapped.warnings);
  const priced = mapped.variants.map((variant) => ({
    variant,
    pricing: priceVariant(
      {
        cost: variant.cost,
        currency: product.currency,
        ...(variant.listPrice ? { listPrice: variant.listPrice } : {}),
      },
      rules,
    ),
  }));
  const raised = priced.filter((p) => p.pricing.raisedForMargin).map((p) => p.variant.sku);
  if (raised.length > 0)
    warnings.push({
      code: "price_raised_for_margin",
      params: {
        sku:
          raised.length > 5 ? `${raised.slice(0, 5).join(", ")} (+${raised.length - 5})` : raised.join(", "),
      },
      field: "variants",
    });

  // Media: product images first, then variant images, each once, within Shopify's limit.
  const alt = (url: string, n: number) => cfg.content?.altTexts?.[url] ?? `${title} ${n}`;
  const imageUrls = [
    ...new Set([...product.images, ...mapped.variants.flatMap((v) => (v.image ? [v.image] : []))]),
  ];
  const mediaUrls = [...imageUrls, ...product.videos.map((v) => v.url)];
  if (mediaUrls.length > SHOPIFY_LIMITS.media)
    warnings.push({
      code: "media_truncated",
      params: { kept: SHOPIFY_LIMITS.media, total: mediaUrls.length },
      field: "files",
    });
  const existingMedia = new Map(
    (existing?.media ?? []).flatMap((m) => (m.sourceUrl ? [[m.sourceUrl, m.id] as const] : [])),
  );
  const fileFor = (url: string, index: number): FileSetInput => {
    const id = existingMedia.get(url);
    const isVideo = index >= imageUrls.length;
    return {
      ...(id ? { id } : { originalSource: url, contentType: isVideo ? "VIDEO" : "IMAGE" }),
      alt: alt(url, index + 1).slice(0, 512),
    };
  };
  // Media the merchant added (no supplier URL) stays: productSet deletes what the list omits.
  const merchantMedia: FileSetInput[] = (existing?.media ?? [])
    .filter((m) => !m.sourceUrl)
    .map((m) => ({ id: m.id }));
  const files = [
    ...mediaUrls.slice(0, Math.max(0, SHOPIFY_LIMITS.media - merchantMedia.length)).map(fileFor),
    ...merchantMedia,
  ];
  const filesByUrl = new Map(
    mediaUrls
      .slice(0, Math.max(0, SHOPIFY_LIMITS.media - merchantMedia.length))
      .map((url, i) => [url, files[i]]),
  );

  const productOptions: OptionSetInput[] = mapped.options.map((option, position) => {
    const found = existing?.options?.find((o) => o.name.toLowerCase() === option.name.toLowerCase());
    return {
      ...(found ? { id: found.id } : {}),
      name: option.name,
      position: position + 1,
      values: option.values.map((value) => {
        const valueId = found?.values.find((v) => v.name.toLowerCase() === value.toLowerCase())?.id;
        return valueId ? { id: valueId, name: value } : { name: value };
      }),
    };
  });
  // Shopify needs one option even for a single variant: its own "Title / Default Title".
  const singleVariant = productOptions.length === 0;
  if (singleVariant) productOptions.push({ name: "Title", position: 1, values: [{ name: "Default Title" }] });

  const variantCosts: Record<string, { cost: string; currency: string; sku: string; attr?: string }> = {};
  const variants: ProductVariantSetInput[] = priced.map(({ variant, pricing }, index) => {
    variantCosts[variant.sourceSkuId] = {
      cost: variant.cost,
      currency: product.currency,
      sku: variant.sku,
      ...(variant.sourceAttr ? { attr: variant.sourceAttr } : {}),
    };
    const id = matchVariantId(existing ?? undefined, variant);
    const file = variant.image ? filesByUrl.get(variant.image) : undefined;
    return {
      ...(id ? { id } : {}),
      position: index + 1,
      optionValues: singleVariant
        ? [{ optionName: "Title", name: "Default Title" }]
        : mapped.options.map((option, i) => ({
            optionName: option.name,
            name: variant.optionValues[i] ?? "",
          })),
      price: pricing.price,
      compareAtPrice: pricing.compareAtPrice ?? null,
      sku: variant.sku,
      ...(variant.barcode ? { barcode: variant.barcode } : {}),
      ...(file ? { file } : {}),
      inventoryPolicy: "DENY",
      taxable: true,
      inventoryItem: {
        sku: variant.sku,
        cost: new Big(pricing.landedCost).toFixed(2),
        tracked: true,
        requiresShipping: true,
        ...(variant.weightKg
          ? { measurement: { weight: { value: kg(variant.weightKg), unit: "KILOGRAMS" as const } } }
          : {}),
      },
      ...(cfg.locationId
        ? {
            inventoryQuantities: [
              { locationId: cfg.locationId, name: "available" as const, quantity: variant.stock },
            ],
          }
        : {}),
      metafields: [
        {
          namespace: IMPORT_METAFIELD_NAMESPACE,
          key: "source_sku_id",
          type: "single_line_text_field",
          value: variant.sourceSkuId,
        },
        ...(variant.sourceAttr
          ? [
              {
                namespace: IMPORT_METAFIELD_NAMESPACE,
                key: "source_sku_attr",
                type: "single_line_text_field",
                value: variant.sourceAttr,
              },
            ]
          : []),
      ],
    };
  });

  const sourceId = sourceIdOf(product);
  const metafields: MetafieldInput[] = [
    {
      namespace: IMPORT_METAFIELD_NAMESPACE,
      key: "source_id",
      type: "single_line_text_field",
      value: sourceId,
    },
    { namespace: IMPORT_METAFIELD_NAMESPACE, key: "source_url", type: "url", value: product.url },
    { namespace: IMPORT_METAFIELD_NAMESPACE, key: "imported_at", type: "date_time", value: importedAt },
    {
      namespace: IMPORT_METAFIELD_NAMESPACE,
      key: "variant_costs",
      type: "json",
      value: JSON.stringify(variantCosts),
    },
    // Supplier URL of each imported file, in `files` order: zipped with product.media after the
    // mutation, it tells a later re-import which media came from the supplier (ExistingProduct.media).
    {
      namespace: IMPORT_METAFIELD_NAMESPACE,
      key: "media_sources",
      type: "json",
      value: JSON.stringify(mediaUrls.slice(0, Math.max(0, SHOPIFY_LIMITS.media - merchantMedia.length))),
    },
  ];

  const seoTitle = cfg.content?.seoTitle ?? title.slice(0, MAX_TITLE_LENGTH);
  const seoDescription =
    cfg.content?.seoDescription ??
    firstSentences(
      sanitized.text || product.specifications.map((s) => `${s.name}: ${s.value}`).join(", "),
      SEO_DESCRIPTION_MAX,
    );
  const handle = existing?.handle ?? handleFor(cleaned.title, product.id);
  const status: ProductStatus = cfg.status;
  // Metafields of other namespaces (or apps) stay: productSet deletes what the list omits.
  const ours = new Set(metafields.map((m) => `${m.namespace}.${m.key}`));
  const keptMetafields = (existing?.metafields ?? []).filter((m) => !ours.has(`${m.namespace}.${m.key}`));
  const input: ProductSetInput = {
    ...(writeContent
      ? {
          title,
          descriptionHtml,
          seo: { title: seoTitle, ...(seoDescription ? { description: seoDescription } : {}) },
        }
      : {}),
    handle,
    status,
    tags: [...new Set([...(existing?.tags ?? []), ...cfg.tags])],
    ...(cfg.vendor ? { vendor: cfg.vendor } : {}),
    ...(cfg.productType ? { productType: cfg.productType } : {}),
    productOptions,
    variants,
    files,
    metafields: [...metafields, ...keptMetafields],
  };
  const identifier: ProductSetIdentifiers = existing
    ? { id: existing.id }
    : { customId: { namespace: IMPORT_METAFIELD_NAMESPACE, key: "source_id", value: sourceId } };

  const margins = priced.map((p) => new Big(p.pricing.margin));
  const sum = margins.reduce((a, b) => a.plus(b), new Big(0));
  const preview: ImportPreview = {
    fields: [
      { field: "title", before: product.title, after: title, changed: writeContent },
      { field: "handle", before: existing?.handle ?? "", after: handle, changed: !existing?.handle },
      {
        field: "descriptionHtml",
        before: product.descriptionHtml,
        after: descriptionHtml,
        changed: writeContent,
      },
      { field: "seo.title", before: "", after: seoTitle, changed: writeContent },
      { field: "seo.description", before: "", after: seoDescription, changed: writeContent },
      {
        field: "productOptions",
        before: [...new Set(product.skus.flatMap((s) => s.properties.map((p) => p.name)))].join(", "),
        after: mapped.options.map((o) => `${o.name} (${o.values.length})`).join(", "),
        changed: true,
      },
      {
        field: "variants",
        before: String(product.skus.length),
        after: String(variants.length),
        changed: true,
      },
    ],
    variants: priced.map(({ variant, pricing }) => ({
      sourceSkuId: variant.sourceSkuId,
      sku: variant.sku,
      options: variant.optionValues,
      supplierCost: variant.cost,
      supplierCurrency: product.currency,
      stock: variant.stock,
      pricing,
    })),
    margins: {
      min: margins.reduce((a, b) => (b.lt(a) ? b : a), margins[0] ?? new Big(0)).toFixed(4),
      max: margins.reduce((a, b) => (b.gt(a) ? b : a), margins[0] ?? new Big(0)).toFixed(4),
      average: margins.length ? sum.div(margins.length).toFixed(4) : "0.0000",
    },
    warnings: warnings.map((w) => ({ ...w, message: formatImportWarning(w, language) })),
  };
  return { identifier, input, preview, update: existing !== undefined, source: product };
}
