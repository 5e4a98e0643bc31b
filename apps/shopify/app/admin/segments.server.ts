import type { PrismaClient } from "@prisma/client";
import type { Cache, Logger } from "@ninjalead/core";
import type { Language } from "@ninjalead/core/i18n";
import {
  analyzeCustomers,
  createProfileBuilder,
  segmentFor,
  segmentLabel,
  SEGMENTS,
  type Segment,
} from "@ninjalead/core/segments";
import { personalData } from "~/security/personal-data.server.js";

/** One segment's figures, whatever the language (names are added when rendering). */
export interface SegmentFigures {
  segment: Segment;
  customers: number;
  shareOfCustomers: number;
  revenue: number;
  shareOfRevenue: number;
  averageOrderValue: number;
  /** Mean predicted customer lifetime value (BG/NBD + Gamma-Gamma); null when it could not be fitted. */
  averageClv: number | null;
}

/** The shop's segmentation, as cached: small enough for Redis even at 200,000 customers. */
export interface SegmentAnalysis {
  currency: string;
  revenue: number;
  customers: number;
  /** All eleven segments, in core's order (best first), empty ones included. */
  segments: SegmentFigures[];
  /** Customer counts on the RFM grid: grid[R − 1][FM − 1], FM = round((F + M) / 2). */
  grid: number[][];
}

/** Customer ids per segment, highest spend first: what the drill-down pages through. */
type Members = Record<Segment, string[]>;

const TTL_MS = 15 * 60_000;
const cacheKey = (shop: string) => `admin:segments:v2:${shop}`;
// Each segment's member list under its own key: the overview and the dashboard never parse them.
const membersKey = (shop: string, segment: Segment) => `admin:segments:v2:${shop}:${segment}`;

const finite = (n: number | null): number | null => (n === null || !Number.isFinite(n) ? null : n);

/**
 * The core RFM segmentation of the synced orders (in the shop's main currency; cancelled orders
 * left out), cached per shop for 15 minutes: it reads every order, the pages are opened far more
 * often. Null when the shop has no order from a known customer yet.
 */
export async function segmentAnalysis(
  prisma: PrismaClient,
  cache: Cache,
  shop: string,
  logger: Logger,
): Promise<SegmentAnalysis | null> {
  const cached = await cache.get<SegmentAnalysis>(cacheKey(shop));
  if (cached) return cached;
  return (await computeSegments(prisma, cache, shop, logger))?.data ?? null;
}

/** Reads every order, runs the analysis and caches the summary and each segment's members. */
async function computeSegments(
  prisma: PrismaClient,
  cache: Cache,
  shop: string,
  logger: Logger,
): Promise<{ data: SegmentAnalysis; members: Members } | null> {
  const [main] = await prisma.$queryRaw<{ currency: string }[]>`
    SELECT "currencyCode" AS currency FROM "Order" WHERE shop = ${shop}
    GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
  if (!main) return null;
  const orders = await prisma.$queryRaw<
    { id: bigint; customerId: bigint; processedAt: Date; total: string }[]
  >`
    SELECT id, "customerId", "processedAt", "totalPrice"::text AS total FROM "Order"
    WHERE shop = ${shop} AND "customerId" IS NOT NULL AND "cancelledAt" IS NULL
      AND "currencyCode" = ${main.currency}`;
  if (orders.length === 0) return null;
  const builder = createProfileBuilder({ currency: main.currency });
  builder.addOrderColumns({
    customerId: orders.map((o) => o.customerId.toString()),
    createdAt: orders.map((o) => o.processedAt.getTime()),
    total: orders.map((o) => Number(o.total)),
    orderId: orders.map((o) => o.id.toString()),
  });
  const { table } = builder.finish();
  const analysis = analyzeCustomers(table);

  const grid = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => 0));
  const rows = Object.fromEntries(SEGMENTS.map((segment) => [segment, [] as number[]])) as Record<
    Segment,
    number[]
  >;
  for (let i = 0; i < table.size; i++) {
    const r = analysis.scores.recency[i] ?? 1;
    const fm = Math.min(
      5,
      Math.max(
        1,
        Math.floor(((analysis.scores.frequency[i] ?? 1) + (analysis.scores.monetary[i] ?? 1)) / 2 + 0.5),
      ),
    );
    const row = grid[r - 1];
    if (row) row[fm - 1] = (row[fm - 1] ?? 0) + 1;
    const segment = SEGMENTS[analysis.segments[i] ?? 0];
    if (segment) rows[segment].push(i);
  }
  const spent = (i: number) => table.totalSpent[i] ?? 0;
  const data: SegmentAnalysis = {
    currency: main.currency,
    revenue: analysis.shop.revenue,
    customers: table.size,
    segments: analysis.statistics.map((s) => ({
      segment: s.segment,
      customers: s.customers,
      shareOfCustomers: s.shareOfCustomers,
      revenue: s.revenue,
      shareOfRevenue: s.shareOfRevenue,
      averageOrderValue: s.averageOrderValue,
      averageClv: finite(s.averageClv),
    })),
    grid,
  };
  const members = Object.fromEntries(
    SEGMENTS.map((segment) => [
      segment,
      rows[segment].sort((a, b) => spent(b) - spent(a)).map((i) => table.ids[i] ?? ""),
    ]),
  ) as Members;
  // Members first: a summary in the cache promises its lists are there too (or recomputed).
  await Promise.all(
    SEGMENTS.map((segment) => cache.set(membersKey(shop, segment), members[segment], { ttlMs: TTL_MS })),
  );
  await cache.set(cacheKey(shop), data, { ttlMs: TTL_MS });
  logger.info("segments computed", { shop, orders: orders.length, customers: table.size });
  return { data, members };
}

/** Parses a segment from a URL; null when it is not one of the eleven. */
export function parseSegment(raw: string | undefined): Segment | null {
  return (SEGMENTS as readonly string[]).includes(raw ?? "") ? (raw as Segment) : null;
}

export interface SegmentView extends SegmentFigures {
  name: string;
  description: string;
}

/** The segments page: grid, the eleven segments named in the admin's language. */
export async function segmentsOverview(
  prisma: PrismaClient,
  cache: Cache,
  shop: string,
  language: Language,
  logger: Logger,
): Promise<{
  currency: string;
  revenue: number;
  customers: number;
  grid: { r: number; cells: { fm: number; customers: number; segment: Segment; name: string }[] }[];
  segments: SegmentView[];
} | null> {
  const data = await segmentAnalysis(prisma, cache, shop, logger);
  if (!data) return null;
  const name = (segment: Segment) => segmentLabel(segment, language).name;
  return {
    currency: data.currency,
    revenue: data.revenue,
    customers: data.customers,
    // Highest recency on top, as the grid is usually drawn.
    grid: [5, 4, 3, 2, 1].map((r) => ({
      r,
      cells: [1, 2, 3, 4, 5].map((fm) => {
        const segment = gridSegment(r, fm);
        return { fm, customers: data.grid[r - 1]?.[fm - 1] ?? 0, segment, name: name(segment) };
      }),
    })),
    segments: data.segments.map((s) => ({ ...s, ...segmentLabel(s.segment, language) })),
  };
}

/** The segment a grid cell holds for repeat customers (one-order customers with R ≥ 4 are New/Promising). */
function gridSegment(r: number, fm: number): Segment {
  return segmentFor(r, fm, fm, 2);
}

export const CUSTOMERS_PAGE_SIZE = 25;

/** What the merchant may see of a customer in a segment: no email, no address, no last name. */
export interface SegmentCustomer {
  id: string;
  firstName: string | null;
  country: string | null;
  orders: number;
  spent: string;
  lastOrderAt: string | null;
}

/**
 * One page of a segment's customers (highest spend first) with their order figures from the
 * synced orders. Null when the shop has no segmentation yet.
 */
export async function segmentCustomers(
  prisma: PrismaClient,
  cache: Cache,
  shop: string,
  segment: Segment,
  page: number,
  logger: Logger,
): Promise<{ currency: string; total: number; page: number; pages: number; rows: SegmentCustomer[] } | null> {
  let data = await cache.get<SegmentAnalysis>(cacheKey(shop));
  let ids = data ? await cache.get<string[]>(membersKey(shop, segment)) : null;
  if (!data || !ids) {
    const computed = await computeSegments(prisma, cache, shop, logger);
    if (!computed) return null;
    data = computed.data;
    ids = computed.members[segment];
  }
  const pages = Math.max(1, Math.ceil(ids.length / CUSTOMERS_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const slice = ids
    .slice((current - 1) * CUSTOMERS_PAGE_SIZE, current * CUSTOMERS_PAGE_SIZE)
    .map((id) => BigInt(id));
  const [customers, totals] = await Promise.all([
    prisma.customer.findMany({
      where: { shop, id: { in: slice } },
      select: { id: true, firstName: true, countryCode: true },
    }),
    prisma.order.groupBy({
      by: ["customerId"],
      where: { shop, customerId: { in: slice }, cancelledAt: null, currencyCode: data.currency },
      _count: { _all: true },
      _sum: { totalPrice: true },
      _max: { processedAt: true },
    }),
  ]);
  const byId = new Map(customers.map((c) => [c.id, c]));
  const totalsById = new Map(totals.map((t) => [t.customerId, t]));
  return {
    currency: data.currency,
    total: ids.length,
    page: current,
    pages,
    rows: slice.map((id) => {
      const customer = byId.get(id);
      const total = totalsById.get(id);
      return {
        id: id.toString(),
        firstName: personalData().open(customer?.firstName),
        country: customer?.countryCode ?? null,
        orders: total?._count._all ?? 0,
        spent: total?._sum.totalPrice?.toFixed(2) ?? "0.00",
        lastOrderAt: total?._max.processedAt?.toISOString() ?? null,
      };
    }),
  };
}
