import type { PrismaClient, Product } from "@prisma/client";
import type { Cache, Logger } from "@ninjalead/core";
import { normalizeLanguage } from "@ninjalead/core/i18n";
import { auditCatalog, detectLanguage, type SeoProductInput } from "@ninjalead/core/seo";
import { toSeoInput, withParts } from "../catalog/products.server.js";

/**
 * The SEO overview: catalog-wide issues (duplicate SEO titles and meta descriptions, near-duplicate
 * descriptions, keyword cannibalisation, missing alt texts) from core's auditCatalog over the
 * product mirror. The audit streams the catalog in pages (bounded memory) and takes ~2 ms a
 * product, so 50,000 products are computed in the background, once per catalog state: the result
 * is cached per shop under the catalog's fingerprint (product count + last sync time), and the page
 * shows the last result (or progress) while a newer one is computed.
 */

const PAGE = 500;
/** Groups kept per issue, and products named per group (the counts stay exact). */
const GROUPS_SHOWN = 20;
const IDS_PER_GROUP = 10;
const LOCK_MS = 15 * 60_000;
/** Catalogs up to this size are audited inside the page request. */
const INLINE_MAX = 300;

export interface ProductRef {
  id: string;
  title: string;
}
export interface IssueGroup {
  /** The shared title / description / keyphrase; empty for near-duplicates. */
  value: string;
  count: number;
  similarity?: number;
  products: ProductRef[];
}
export interface SeoOverview {
  fingerprint: string;
  computedAt: string;
  products: number;
  averageSeoScore: number;
  averageReadabilityScore: number;
  duplicateSeoTitles: IssueGroup[];
  duplicateMetaDescriptions: IssueGroup[];
  nearDuplicates: IssueGroup[];
  cannibalisation: IssueGroup[];
  missingAlt: { images: number; withoutAlt: number; products: number; examples: ProductRef[] };
}

export type OverviewState =
  | { state: "ready"; overview: SeoOverview; refreshing: false }
  | { state: "computing"; overview: SeoOverview | null; refreshing: true; audited: number; total: number };

const reportKey = (shop: string) => `seo-overview:v1:${shop}`;
const progressKey = (shop: string) => `seo-overview:progress:${shop}`;
const lockKey = (shop: string) => `seo-overview:lock:${shop}`;

/** The catalog's state: changes whenever a product is synced, added or removed. */
export async function catalogFingerprint(prisma: PrismaClient, shop: string): Promise<string> {
  const [row] = await prisma.$queryRaw<{ n: number; last: Date | null }[]>`
    SELECT count(*)::int AS n, max("syncedAt") AS last FROM "Product" WHERE shop = ${shop}`;
  return `${row?.n ?? 0}:${row?.last?.toISOString() ?? "-"}`;
}

/** The mirror as audit inputs, read by id in pages of 500 (two queries per page for the parts). */
async function* catalogInputs(prisma: PrismaClient, shop: string, shopLanguage: string) {
  let after = -1n;
  const fallback = normalizeLanguage(shopLanguage);
  for (;;) {
    const page: Product[] = await prisma.product.findMany({
      where: { shop, id: { gt: after } },
      orderBy: { id: "asc" },
      take: PAGE,
    });
    if (page.length === 0) return;
    for (const parts of await withParts(prisma, shop, page)) {
      const text = `${parts.product.title} ${parts.product.descriptionHtml.replace(/<[^>]+>/g, " ")}`;
      yield toSeoInput(parts, detectLanguage(text, fallback), shop) satisfies SeoProductInput;
    }
    after = page.at(-1)?.id ?? after;
    if (page.length < PAGE) return;
  }
}

/** Audits the whole catalog now (the background computation; also what tests call). */
export async function computeOverview(
  prisma: PrismaClient,
  shop: string,
  shopLanguage: string,
  onProgress?: (audited: number) => void,
): Promise<SeoOverview> {
  const fingerprint = await catalogFingerprint(prisma, shop);
  const report = await auditCatalog(catalogInputs(prisma, shop, shopLanguage), {
    worstLimit: 1,
    maxIdsPerGroup: IDS_PER_GROUP,
    ...(onProgress ? { onProgress } : {}),
  });
  const missingAltIds = await prisma.$queryRaw<{ id: bigint }[]>`
    SELECT DISTINCT "productId" AS id FROM "Media"
    WHERE shop = ${shop} AND (alt IS NULL OR btrim(alt) = '')
    ORDER BY "productId" LIMIT ${IDS_PER_GROUP}`;

  const groups = <T extends { ids: string[]; count: number }>(list: T[], value: (g: T) => string) =>
    list.slice(0, GROUPS_SHOWN).map((g) => ({ value: value(g), count: g.count, ids: g.ids, group: g }));
  const titled = {
    duplicateSeoTitles: groups(report.duplicateSeoTitles, (g) => g.value),
    duplicateMetaDescriptions: groups(report.duplicateMetaDescriptions, (g) => g.value),
    nearDuplicates: groups(report.nearDuplicateDescriptions, () => ""),
    cannibalisation: groups(report.cannibalisation, (g) => g.value),
  };
  const ids = new Set<string>(missingAltIds.map((r) => r.id.toString()));
  for (const list of Object.values(titled)) for (const g of list) for (const id of g.ids) ids.add(id);
  const titles = new Map(
    (
      await prisma.product.findMany({
        where: { shop, id: { in: [...ids].filter((id) => /^\d+$/.test(id)).map((id) => BigInt(id)) } },
        select: { id: true, title: true },
      })
    ).map((p) => [p.id.toString(), p.title]),
  );
  const refs = (list: string[]): ProductRef[] => list.map((id) => ({ id, title: titles.get(id) ?? id }));
  const finish = (list: (typeof titled)[keyof typeof titled]): IssueGroup[] =>
    list.map((g) => ({
      value: g.value,
      count: g.count,
      ...("similarity" in g.group ? { similarity: g.group.similarity } : {}),
      products: refs(g.ids),
    }));

  return {
    fingerprint,
    computedAt: new Date().toISOString(),
    products: report.products,
    averageSeoScore: report.averageSeoScore,
    averageReadabilityScore: report.averageReadabilityScore,
    duplicateSeoTitles: finish(titled.duplicateSeoTitles),
    duplicateMetaDescriptions: finish(titled.duplicateMetaDescriptions),
    nearDuplicates: finish(titled.nearDuplicates),
    cannibalisation: finish(titled.cannibalisation),
    missingAlt: { ...report.missingAlt, examples: refs(missingAltIds.map((r) => r.id.toString())) },
  };
}

/**
 * The overview for the page: the cached one when it matches the catalog; otherwise a computation
 * is started in the background (one per shop across processes, by a cache lock) and the page gets
 * the previous result, if any, with the progress.
 */
export async function loadOverview(deps: {
  prisma: PrismaClient;
  cache: Cache;
  logger: Logger;
  shop: string;
  shopLanguage: string;
}): Promise<OverviewState> {
  const { prisma, cache, logger, shop } = deps;
  const [cached, fingerprint] = await Promise.all([
    cache.get<SeoOverview>(reportKey(shop)),
    catalogFingerprint(prisma, shop),
  ]);
  if (cached && cached.fingerprint === fingerprint)
    return { state: "ready", overview: cached, refreshing: false };

  const total = Number(fingerprint.split(":")[0]);
  const lock = await cache.acquireLock(lockKey(shop), LOCK_MS);
  if (lock) {
    const run = (async () => {
      try {
        let last = 0;
        const overview = await computeOverview(prisma, shop, deps.shopLanguage, (audited) => {
          if (audited - last < 1_000) return;
          last = audited;
          void cache.set(progressKey(shop), audited, { ttlMs: LOCK_MS });
        });
        await cache.set(reportKey(shop), overview, { ttlMs: 7 * 24 * 3_600_000 });
      } catch (error) {
        logger.error("seo overview failed", { shop, error: String(error) });
      } finally {
        await cache.delete(progressKey(shop));
        await lock.release();
      }
    })();
    // A small catalog is audited within the request (well under a second): no progress page.
    if (total <= INLINE_MAX) {
      await run;
      const fresh = await cache.get<SeoOverview>(reportKey(shop));
      if (fresh) return { state: "ready", overview: fresh, refreshing: false };
    }
  }
  const audited = (await cache.get<number>(progressKey(shop))) ?? 0;
  return { state: "computing", overview: cached ?? null, refreshing: true, audited, total };
}
