import type { PrismaClient, Product } from "@prisma/client";
import type { Logger } from "@ninjalead/core";
import { normalizeLanguage } from "@ninjalead/core/i18n";
import { auditProduct, detectLanguage, type SeoAuditResult } from "@ninjalead/core/seo";
import { toSeoInput, withParts, type ProductWithParts } from "~/catalog/products.server.js";

export type ScoreRating = "good" | "ok" | "bad";

/** Yoast's traffic light on a 0–100 score: ≥ 70 good, ≥ 40 ok, below bad. */
export function ratingFor(score: number): ScoreRating {
  return score >= 70 ? "good" : score >= 40 ? "ok" : "bad";
}

/**
 * Audits one synced product (pure, ~2 ms) in the language its text is written in: catalogs mix
 * languages, and checking a Spanish description against English rules would be wrong. The shop's
 * primary language decides when the text gives no signal.
 */
export function auditSynced(parts: ProductWithParts, shopLanguage: string, shop: string): SeoAuditResult {
  const text = `${parts.product.title} ${parts.product.descriptionHtml.replace(/<[^>]+>/g, " ")}`;
  const language = detectLanguage(text, normalizeLanguage(shopLanguage));
  return auditProduct(toSeoInput(parts, language, shop));
}

/** Audits products (with their variants and media) and stores their scores; returns them by id. */
export async function scoreProducts(
  prisma: PrismaClient,
  shop: string,
  language: string,
  products: Product[],
  logger: Logger,
): Promise<Map<string, SeoAuditResult>> {
  const results = new Map<string, SeoAuditResult>();
  if (products.length === 0) return results;
  const parts = await withParts(prisma, shop, products);
  const rows: { productId: bigint; syncedAt: Date; result: SeoAuditResult }[] = [];
  for (const p of parts) {
    try {
      const result = auditSynced(p, language, shop);
      results.set(p.product.id.toString(), result);
      rows.push({ productId: p.product.id, syncedAt: p.product.syncedAt, result });
    } catch (error) {
      // A product the audit cannot read stays unscored (and visible as such), it never blocks the page.
      logger.warn("seo audit failed", {
        shop,
        productId: p.product.id.toString(),
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  await prisma.$transaction(
    rows.map(({ productId, syncedAt, result }) => {
      const data = {
        seoScore: result.seoScore,
        readabilityScore: result.readabilityScore,
        rating: ratingFor(result.seoScore),
        issues: result.checks.filter((c) => c.rating !== "good").map((c) => c.id),
        productSyncedAt: syncedAt,
        auditedAt: new Date(),
      };
      return prisma.productSeoScore.upsert({
        where: { shop_productId: { shop, productId } },
        create: { shop, productId, ...data },
        update: data,
      });
    }),
  );
  return results;
}

/** Products never audited, or changed (re-synced) since their last audit. */
async function staleProducts(prisma: PrismaClient, shop: string, limit: number): Promise<Product[]> {
  return prisma.$queryRaw<Product[]>`
    SELECT p.* FROM "Product" p
    LEFT JOIN "ProductSeoScore" s ON s.shop = p.shop AND s."productId" = p.id
    WHERE p.shop = ${shop} AND (s."productId" IS NULL OR s."productSyncedAt" < p."syncedAt")
    ORDER BY p.id
    LIMIT ${limit}`;
}

/** How many of the shop's products have a current score. */
export async function scoreCoverage(
  prisma: PrismaClient,
  shop: string,
): Promise<{ scored: number; total: number }> {
  const [row] = await prisma.$queryRaw<{ total: bigint; scored: bigint }[]>`
    SELECT count(*) AS total,
           count(s."productId") FILTER (WHERE s."productSyncedAt" >= p."syncedAt") AS scored
    FROM "Product" p
    LEFT JOIN "ProductSeoScore" s ON s.shop = p.shop AND s."productId" = p.id
    WHERE p.shop = ${shop}`;
  return { scored: Number(row?.scored ?? 0), total: Number(row?.total ?? 0) };
}

const running = new Map<string, Promise<number>>();

/**
 * Scores every stale product of a shop in small batches (each ~100 ms of CPU, then the event loop
 * is free again), once per shop at a time: a second call while one runs joins it.
 * Resolves with the number of products scored.
 */
export function fillScores(
  prisma: PrismaClient,
  shop: string,
  language: string,
  logger: Logger,
  batchSize = 50,
): Promise<number> {
  const current = running.get(shop);
  if (current) return current;
  const run = (async () => {
    let done = 0;
    for (;;) {
      const batch = await staleProducts(prisma, shop, batchSize);
      if (batch.length === 0) return done;
      const scored = await scoreProducts(prisma, shop, language, batch, logger);
      // Nothing scorable left in this batch: stop rather than retry the same products forever.
      if (scored.size === 0) return done;
      done += scored.size;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  })().finally(() => running.delete(shop));
  running.set(shop, run);
  return run;
}
