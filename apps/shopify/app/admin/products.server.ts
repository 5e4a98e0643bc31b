import { Prisma, type PrismaClient, type Product } from "@prisma/client";
import type { Logger } from "@ninjalead/core";
import { z } from "zod";
import { PRODUCT_STATUSES, SEO_RATINGS } from "./product-filters.js";
import { scoreProducts, ratingFor, type ScoreRating } from "./seo-scores.server.js";

export const PAGE_SIZE = 25;

const digits = z.string().regex(/^\d{1,20}$/);

/** The products page's URL parameters; anything malformed is dropped, never an error page. */
export const productQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  rating: z.enum(SEO_RATINGS).optional().catch(undefined),
  /** A check id (letters only): products failing that check. */
  issue: z
    .string()
    .regex(/^[A-Za-z]{1,60}$/)
    .optional()
    .catch(undefined),
  status: z.enum(PRODUCT_STATUSES).optional().catch(undefined),
  after: digits.optional().catch(undefined),
  before: digits.optional().catch(undefined),
});
export type ProductQuery = z.infer<typeof productQuerySchema>;

export function parseProductQuery(url: URL): ProductQuery {
  const raw = Object.fromEntries(
    ["q", "rating", "issue", "status", "after", "before"].flatMap((k) => {
      const v = url.searchParams.get(k);
      return v === null || v === "" ? [] : [[k, v]];
    }),
  );
  return productQuerySchema.parse(raw);
}

export interface ProductRow {
  id: string;
  title: string;
  status: string;
  seoScore: number | null;
  readabilityScore: number | null;
  rating: ScoreRating | null;
}

export interface ProductPage {
  rows: ProductRow[];
  /** Cursor (last id) for the next page, when there is one. */
  next: string | null;
  /** Cursor (first id) for the previous page, when there is one. */
  previous: string | null;
}

type Listed = Product & {
  seoScore: number | null;
  readabilityScore: number | null;
  rating: string | null;
  scoredSyncedAt: Date | null;
};

/** The filters of the products page (search, status, rating, failing check), without the cursor. */
function filterSql(shop: string, query: ProductQuery): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`p.shop = ${shop}`];
  if (query.q) where.push(Prisma.sql`p.title ILIKE ${`%${query.q.replace(/[\\%_]/g, "\\$&")}%`}`);
  if (query.status) where.push(Prisma.sql`p.status = ${query.status}`);
  if (query.rating) where.push(Prisma.sql`s.rating = ${query.rating}`);
  if (query.issue) where.push(Prisma.sql`${query.issue} = ANY(s.issues)`);
  return where;
}

/**
 * The ids of every product matching the page's filters (cursors ignored), in id order, at most
 * `limit + 1` of them so the caller can tell "more than `limit`".
 */
export async function matchingProductIds(
  prisma: PrismaClient,
  shop: string,
  query: ProductQuery,
  limit: number,
): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: bigint }[]>`
    SELECT p.id FROM "Product" p
    LEFT JOIN "ProductSeoScore" s ON s.shop = p.shop AND s."productId" = p.id
    WHERE ${Prisma.join(filterSql(shop, query), " AND ")}
    ORDER BY p.id
    LIMIT ${limit + 1}`;
  return rows.map((r) => r.id.toString());
}

/**
 * One page of the synced catalog with its stored SEO scores, keyset-paginated by product id in SQL
 * (constant cost on page 2,000 of 50,000 products). Products on the page that are not scored yet,
 * or changed since, are audited now, so every row shown has a current score.
 */
export async function listProducts(
  prisma: PrismaClient,
  shop: string,
  language: string,
  query: ProductQuery,
  logger: Logger,
): Promise<ProductPage> {
  const where = filterSql(shop, query);
  const backwards = query.before !== undefined && query.after === undefined;
  if (query.after) where.push(Prisma.sql`p.id > ${BigInt(query.after)}`);
  if (backwards && query.before) where.push(Prisma.sql`p.id < ${BigInt(query.before)}`);

  const listed = await prisma.$queryRaw<Listed[]>`
    SELECT p.*, s."seoScore", s."readabilityScore", s.rating, s."productSyncedAt" AS "scoredSyncedAt"
    FROM "Product" p
    LEFT JOIN "ProductSeoScore" s ON s.shop = p.shop AND s."productId" = p.id
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY p.id ${backwards ? Prisma.sql`DESC` : Prisma.sql`ASC`}
    LIMIT ${PAGE_SIZE + 1}`;

  const more = listed.length > PAGE_SIZE;
  const page = more ? listed.slice(0, PAGE_SIZE) : listed;
  if (backwards) page.reverse();

  const stale = page.filter((p) => p.scoredSyncedAt === null || p.scoredSyncedAt < p.syncedAt);
  const fresh = await scoreProducts(prisma, shop, language, stale, logger);

  const rows = page.map((p): ProductRow => {
    const audited = fresh.get(p.id.toString());
    const seoScore = audited?.seoScore ?? p.seoScore;
    return {
      id: p.id.toString(),
      title: p.title,
      status: p.status,
      seoScore,
      readabilityScore: audited?.readabilityScore ?? p.readabilityScore,
      rating: seoScore === null ? null : ratingFor(seoScore),
    };
  });
  const first = rows[0]?.id ?? null;
  const last = rows.at(-1)?.id ?? null;
  const hasPrevious = backwards ? more : query.after !== undefined;
  const hasNext = backwards ? true : more;
  return {
    rows,
    next: hasNext && last !== null && rows.length > 0 ? last : null,
    previous: hasPrevious && first !== null ? first : null,
  };
}
