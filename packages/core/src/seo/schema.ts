import { z } from "zod";
import { LANGUAGES, normalizeLanguage, type Language } from "../i18n/index.js";
import { parseOrThrow } from "../internal/zod.js";

// Lenient on shape (Shopify exports leave many fields empty or null), strict on types: a wrong
// type is a caller bug and gets a ValidationError naming the field; odd *content* never throws.
const optionalText = z
  .string()
  .nullish()
  .transform((v) => v ?? "");

const price = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === "") return undefined;
    const n = typeof v === "number" ? v : Number(v.replace(",", "."));
    if (!Number.isFinite(n) || n < 0) {
      ctx.addIssue({ code: "custom", message: "must be a non-negative number" });
      return z.NEVER;
    }
    return n;
  });

export const productImageSchema = z.object({
  src: optionalText,
  alt: optionalText,
});

export const productVariantSchema = z.object({
  sku: optionalText,
  barcode: optionalText,
  price,
  compareAtPrice: price,
  available: z
    .boolean()
    .nullish()
    .transform((v) => v ?? undefined),
  title: optionalText,
});

export const seoProductSchema = z.object({
  id: z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v) => (v === null || v === undefined ? undefined : String(v))),
  title: optionalText,
  descriptionHtml: optionalText,
  handle: optionalText,
  seoTitle: optionalText,
  metaDescription: optionalText,
  images: z
    .array(productImageSchema)
    .nullish()
    .transform((v) => v ?? []),
  variants: z
    .array(productVariantSchema)
    .nullish()
    .transform((v) => v ?? []),
  vendor: optionalText,
  productType: optionalText,
  tags: z
    .array(z.string())
    .nullish()
    .transform((v) => v ?? []),
  /** Any BCP 47 tag; mapped to one of the ten languages ("pt-PT" → "pt-BR"). */
  language: z
    .string()
    .nullish()
    .transform((v): Language => normalizeLanguage(v)),
  keyphrase: optionalText,
  synonyms: z
    .array(z.string())
    .nullish()
    .transform((v) => v ?? []),
  shopDomain: optionalText,
  /** ISO 4217 code of the variant prices, for structured data. */
  currency: optionalText,
});

/** What callers pass in: every field but the title is optional. */
export type SeoProductInput = z.input<typeof seoProductSchema>;
/** The normalised product every check reads. */
export type SeoProduct = z.output<typeof seoProductSchema>;

/** Validates and normalises one product; throws a ValidationError naming every bad field. */
export function parseSeoProduct(input: unknown): SeoProduct {
  return parseOrThrow(seoProductSchema, input, "product");
}

export const auditOptionsSchema = z
  .object({
    /** Overrides the product's language (e.g. the shop's primary locale). */
    language: z.enum(LANGUAGES).optional(),
  })
  .optional();
export type AuditOptions = NonNullable<z.input<typeof auditOptionsSchema>>;
