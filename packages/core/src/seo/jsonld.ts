import type {
  AggregateOffer,
  BreadcrumbList,
  ItemAvailability,
  Offer,
  Product,
  WithContext,
} from "schema-dts";
import { z } from "zod";
import { parseOrThrow } from "../internal/zod.js";
import { isValidGtin } from "./checks/content.js";
import { parseProductHtml } from "./html.js";
import { parseSeoProduct, type SeoProduct, type SeoProductInput } from "./schema.js";

export const jsonLdOptionsSchema = z.object({
  shop: z
    .object({
      name: z.string().optional(),
      /** "acme.myshopify.com" or "shop.acme.com"; defaults to the product's shopDomain. */
      domain: z.string().optional(),
    })
    .optional(),
  /** ISO 4217; defaults to the product's currency. */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code like EUR")
    .optional(),
  reviews: z
    .object({
      ratingValue: z.number().min(0).max(5),
      reviewCount: z.number().int().min(0),
      bestRating: z.number().optional(),
    })
    .optional(),
  /** Collection for the breadcrumb (Home › Collection › Product). */
  collection: z.object({ title: z.string(), handle: z.string() }).optional(),
});
export type JsonLdOptions = z.input<typeof jsonLdOptionsSchema>;

export interface ProductJsonLd {
  product: WithContext<Product>;
  breadcrumbs: WithContext<BreadcrumbList>;
}

function plainText(html: string, max: number): string {
  const text = parseProductHtml(html)
    .blocks.map((b) => b.text)
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function origin(domain: string): string | undefined {
  const d = domain
    .trim()
    .replace(/^https?:\/\//, "")
    .replace(/\/.*$/, "");
  return d === "" ? undefined : `https://${d}`;
}

function gtinProperty(code: string): "gtin8" | "gtin12" | "gtin13" | "gtin14" | undefined {
  const n = code.replace(/\D/g, "").length;
  return n === 8 ? "gtin8" : n === 12 ? "gtin12" : n === 13 ? "gtin13" : n === 14 ? "gtin14" : undefined;
}

/**
 * Builds schema.org Product (+ Offer or AggregateOffer) and BreadcrumbList JSON-LD from a product.
 * Only data present in the product is emitted (no invented values).
 *
 * @example
 * const { product } = buildProductJsonLd({ title: "Linen shirt", variants: [{ price: 49 }], currency: "EUR" });
 * html += jsonLdScriptTag(product);
 */
export function buildProductJsonLd(
  input: SeoProductInput | SeoProduct,
  options: JsonLdOptions = {},
): ProductJsonLd {
  const p = parseSeoProduct(input);
  const opts = parseOrThrow(jsonLdOptionsSchema, options, "JSON-LD options");
  const base = origin(opts.shop?.domain ?? p.shopDomain);
  const url = base && p.handle ? `${base}/products/${encodeURIComponent(p.handle)}` : undefined;
  const currency = opts.currency ?? (/^[A-Z]{3}$/.test(p.currency) ? p.currency : undefined);
  const availabilityOf = (available: boolean | undefined): ItemAvailability | undefined =>
    available === undefined
      ? undefined
      : available
        ? "https://schema.org/InStock"
        : "https://schema.org/OutOfStock";

  const offers: Offer[] = p.variants
    .filter((v) => v.price !== undefined)
    .map((v) => {
      const offer: Offer = { "@type": "Offer", price: Number(v.price?.toFixed(2)) };
      if (currency) offer.priceCurrency = currency;
      const availability = availabilityOf(v.available);
      if (availability) offer.availability = availability;
      if (v.sku) offer.sku = v.sku;
      if (url) offer.url = url;
      if (v.barcode && isValidGtin(v.barcode)) {
        const key = gtinProperty(v.barcode);
        if (key) offer[key] = v.barcode.replace(/\D/g, "");
      }
      return offer;
    });

  const product: WithContext<Product> = {
    "@context": "https://schema.org",
    "@type": "Product",
    name: p.title.trim(),
  };
  const description = plainText(p.descriptionHtml, 5000);
  if (description) product.description = description;
  const images = p.images.map((i) => i.src).filter((s) => s !== "");
  if (images.length > 0) product.image = images;
  const first = p.variants[0];
  if (first?.sku) product.sku = first.sku;
  if (first?.barcode && isValidGtin(first.barcode)) product.gtin = first.barcode.replace(/\D/g, "");
  if (p.vendor.trim()) product.brand = { "@type": "Brand", name: p.vendor.trim() };
  if (p.productType.trim()) product.category = p.productType.trim();
  if (url) product.url = url;
  if (opts.reviews && opts.reviews.reviewCount > 0) {
    product.aggregateRating = {
      "@type": "AggregateRating",
      ratingValue: opts.reviews.ratingValue,
      reviewCount: opts.reviews.reviewCount,
      bestRating: opts.reviews.bestRating ?? 5,
    };
  }
  if (offers.length === 1 && offers[0]) product.offers = offers[0];
  else if (offers.length > 1) {
    const prices = offers.map((o) => Number(o.price));
    const aggregate: AggregateOffer = {
      "@type": "AggregateOffer",
      lowPrice: Math.min(...prices),
      highPrice: Math.max(...prices),
      offerCount: offers.length,
      offers,
    };
    if (currency) aggregate.priceCurrency = currency;
    product.offers = aggregate;
  }

  const crumbs: { name: string; path: string }[] = [{ name: opts.shop?.name ?? "Home", path: "/" }];
  if (opts.collection)
    crumbs.push({
      name: opts.collection.title,
      path: `/collections/${encodeURIComponent(opts.collection.handle)}`,
    });
  crumbs.push({ name: p.title.trim(), path: p.handle ? `/products/${encodeURIComponent(p.handle)}` : "" });
  const breadcrumbs: WithContext<BreadcrumbList> = {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((c, i) => ({
      "@type": "ListItem",
      position: i + 1,
      name: c.name,
      ...(base && c.path ? { item: `${base}${c.path}` } : {}),
    })),
  };
  return { product, breadcrumbs };
}

const UNSAFE: Readonly<Record<string, string>> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/**
 * Serialises JSON-LD so it can sit inside `<script type="application/ld+json">`: `<`, `>`, `&`
 * and the JS line separators are \u-escaped, so "</script>" in a product title cannot close the tag.
 *
 * @example
 * serializeJsonLd({ name: "</script><b>" }) // '{"name":"\\u003c/script\\u003e\\u003cb\\u003e"}'
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (ch) => UNSAFE[ch] ?? ch);
}

/** The whole `<script type="application/ld+json">…</script>` tag, safely escaped. */
export function jsonLdScriptTag(data: unknown): string {
  return `<script type="application/ld+json">${serializeJsonLd(data)}</script>`;
}

/**
 * Structured-data fields Google needs (required) or uses (recommended) for product rich results,
 * read straight from the product's fields: the same ones `buildProductJsonLd` emits.
 */
export function structuredDataGaps(
  p: SeoProduct,
  hasDescriptionText = p.descriptionHtml.trim() !== "",
): { required: string[]; recommended: string[] } {
  const required: string[] = [];
  const recommended: string[] = [];
  const first = p.variants[0];
  if (!p.title.trim()) required.push("name");
  if (!p.images.some((i) => i.src !== "")) required.push("image");
  if (!p.variants.some((v) => v.price !== undefined)) required.push("offers.price");
  else if (!/^[A-Z]{3}$/.test(p.currency)) required.push("offers.priceCurrency");
  if (!hasDescriptionText) recommended.push("description");
  if (!p.vendor.trim()) recommended.push("brand");
  if (!first?.sku) recommended.push("sku");
  if (!(first?.barcode && isValidGtin(first.barcode))) recommended.push("gtin");
  const availabilityKnown = p.variants.length > 0 && p.variants.every((v) => v.available !== undefined);
  if (!availabilityKnown) recommended.push("offers.availability");
  return { required, recommended };
}
