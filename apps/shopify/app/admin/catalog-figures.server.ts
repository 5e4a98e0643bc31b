import type { PrismaClient } from "@prisma/client";
import type { Cache } from "@ninjalead/core";
import type { Language } from "@ninjalead/core/i18n";
import { formatMessage, type MessageKey } from "@ninjalead/core/seo";
import { scoreCoverage } from "./seo-scores.server.js";

/**
 * The catalog-wide aggregates the dashboard and the products page show: mirror sizes, score
 * coverage, the score distribution and the failing checks. Each is a scan of the shop's whole
 * mirror (hundreds of milliseconds at 50,000 products and 400,000 orders), and the pages are
 * opened far more often than the figures change, so they are computed once and cached per shop
 * for a minute; whoever changes them (scoring, sync) may call `forgetCatalogFigures`.
 */
export interface CatalogFigures {
  counts: { products: number; customers: number; orders: number };
  /** Products with a score as current as their synced data, out of all synced products. */
  coverage: { scored: number; total: number };
  /** Scored products per score decile (0–9, 9 = 90–100) and the sum of their scores. */
  deciles: number[];
  scoreSum: number;
  /** Every failing check with how many products fail it, most frequent first. */
  issues: { id: string; products: number }[];
  computedAt: string;
}

export const CATALOG_FIGURES_TTL_MS = 60_000;
const key = (shop: string) => `admin:catalog-figures:v1:${shop}`;

async function compute(prisma: PrismaClient, shop: string): Promise<CatalogFigures> {
  const [counts, coverage, deciles, issues] = await Promise.all([
    prisma.$queryRaw<{ products: bigint; customers: bigint; orders: bigint }[]>`
      SELECT (SELECT count(*) FROM "Product" WHERE shop = ${shop}) AS products,
             (SELECT count(*) FROM "Customer" WHERE shop = ${shop}) AS customers,
             (SELECT count(*) FROM "Order" WHERE shop = ${shop}) AS orders`,
    scoreCoverage(prisma, shop),
    prisma.$queryRaw<{ decile: number; products: bigint; total: bigint }[]>`
      SELECT LEAST(9, "seoScore" / 10)::int AS decile, count(*) AS products, sum("seoScore") AS total
      FROM "ProductSeoScore" WHERE shop = ${shop} GROUP BY 1`,
    prisma.$queryRaw<{ id: string; products: bigint }[]>`
      SELECT issue AS id, count(*) AS products
      FROM "ProductSeoScore", unnest(issues) AS issue
      WHERE shop = ${shop} GROUP BY issue ORDER BY count(*) DESC, issue`,
  ]);
  const distribution = Array.from({ length: 10 }, () => 0);
  let scoreSum = 0;
  for (const d of deciles) {
    distribution[d.decile] = Number(d.products);
    scoreSum += Number(d.total);
  }
  const [c] = counts;
  return {
    counts: {
      products: Number(c?.products ?? 0),
      customers: Number(c?.customers ?? 0),
      orders: Number(c?.orders ?? 0),
    },
    coverage,
    deciles: distribution,
    scoreSum,
    issues: issues.map((r) => ({ id: r.id, products: Number(r.products) })),
    computedAt: new Date().toISOString(),
  };
}

/** The shop's figures, from the cache when computed within the last minute (or `fresh`). */
export async function catalogFigures(
  prisma: PrismaClient,
  cache: Cache,
  shop: string,
  options: { fresh?: boolean } = {},
): Promise<CatalogFigures> {
  if (!options.fresh) {
    const cached = await cache.get<CatalogFigures>(key(shop));
    if (cached) return cached;
  }
  const figures = await compute(prisma, shop);
  await cache.set(key(shop), figures, { ttlMs: CATALOG_FIGURES_TTL_MS });
  return figures;
}

export async function forgetCatalogFigures(cache: Cache, shop: string): Promise<void> {
  await cache.delete(key(shop));
}

export interface IssueCount {
  /** The check's id (e.g. "metaDescriptionLength"). */
  id: string;
  products: number;
  /** How to fix it, in the admin's language: the issue as the merchant reads it. */
  fix: string;
}

/** The most frequent failing checks, each with its fix in the admin's language. */
export function describeIssues(
  issues: CatalogFigures["issues"],
  language: Language,
  limit = 50,
): IssueCount[] {
  return issues.slice(0, limit).map((issue) => ({
    ...issue,
    fix: formatMessage(language, `${issue.id}.fix` as MessageKey),
  }));
}
