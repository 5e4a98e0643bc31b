/**
 * A compact catalog summary for prompts: counts, price range, top categories and best sellers,
 * bounded in size whatever the catalog (10 products or 100,000), so prompts stay within budget.
 */
import { z } from "zod";
import { parseOrThrow } from "../internal/zod.js";
import { shopifyIdSchema, normalizeId } from "../segments/schemas.js";

export const catalogProductSchema = z.object({
  id: shopifyIdSchema,
  title: z.string().trim().min(1),
  productType: z.string().nullish(),
  price: z.number().nonnegative().nullish(),
});
export type CatalogProduct = z.input<typeof catalogProductSchema>;

export interface CatalogSummary {
  productCount: number;
  currency: string;
  priceRange: { min: number; median: number; max: number } | null;
  categories: { name: string; products: number; share: number }[];
  /** Best sellers first (by the order of `bestSellerIds`), then catalog order. */
  featured: { id: string; title: string; category: string | null; price: number | null }[];
}

/**
 * Summarises a catalog in bounded size: at most 12 categories and `featured` products.
 *
 * @example
 * summarizeCatalog(products, { currency: "EUR", bestSellerIds: stats[0].topProducts.map((p) => p.id) })
 */
export function summarizeCatalog(
  products: Iterable<CatalogProduct>,
  options: { currency: string; bestSellerIds?: readonly string[]; featured?: number },
): CatalogSummary {
  const limit = options.featured ?? 20;
  const categories = new Map<string, number>();
  const prices: number[] = [];
  const byId = new Map<
    string,
    { id: string; title: string; category: string | null; price: number | null }
  >();
  const firstOnes: string[] = [];
  let count = 0;
  let index = 0;
  for (const raw of products) {
    const p = parseOrThrow(catalogProductSchema, raw, `catalog product ${index++}`);
    count++;
    const id = normalizeId(p.id);
    const category = p.productType?.trim() || null;
    if (category) categories.set(category, (categories.get(category) ?? 0) + 1);
    if (p.price !== null && p.price !== undefined) prices.push(p.price);
    byId.set(id, { id, title: p.title, category, price: p.price ?? null });
    if (firstOnes.length < limit) firstOnes.push(id);
  }
  prices.sort((a, b) => a - b);
  const featured: CatalogSummary["featured"] = [];
  const seen = new Set<string>();
  for (const id of [...(options.bestSellerIds ?? []).map((i) => normalizeId(i)), ...firstOnes]) {
    const product = byId.get(id);
    if (!product || seen.has(id)) continue;
    seen.add(id);
    featured.push(product);
    if (featured.length >= limit) break;
  }
  return {
    productCount: count,
    currency: options.currency,
    priceRange:
      prices.length > 0
        ? {
            min: prices[0] ?? 0,
            median: prices[Math.floor(prices.length / 2)] ?? 0,
            max: prices[prices.length - 1] ?? 0,
          }
        : null,
    categories: [...categories]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 12)
      .map(([name, n]) => ({ name, products: n, share: count > 0 ? n / count : 0 })),
    featured,
  };
}
