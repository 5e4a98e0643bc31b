// The customers & segments page's server helpers over a synced store (real emulator, real sync, PGlite).
import { createMemoryCache } from "@ninjalead/core/cache";
import { SEGMENTS, segmentLabel } from "@ninjalead/core/segments";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { segmentSummary } from "../../app/admin/dashboard.server.js";
import {
  CUSTOMERS_PAGE_SIZE,
  parseSegment,
  segmentCustomers,
  segmentsOverview,
} from "../../app/admin/segments.server.js";
import { personalData } from "../../app/security/personal-data.server.js";
import { startHarness, type Harness } from "../helpers/harness.js";

describe("admin segments helpers", () => {
  let h: Harness;
  let shop: string;
  const prisma = () => h.t.db.prisma;
  const cache = createMemoryCache();

  beforeAll(async () => {
    h = await startHarness({
      db: "pglite",
      emulator: { generate: { seed: 11, products: 5, customers: 80, orders: 400 } },
    });
    await h.install();
    await h.settle();
    shop = h.emulator.shop;
  });
  afterAll(async () => {
    await h?.close();
  });

  it("shows the eleven segments with size, revenue share and CLV, and an RFM grid of the same customers", async () => {
    const overview = await segmentsOverview(prisma(), cache, shop, "en", h.logger);
    if (!overview) throw new Error("no segmentation");
    expect(overview.segments.map((s) => s.segment)).toEqual([...SEGMENTS]);
    const buyers = await prisma().order.groupBy({
      by: ["customerId"],
      where: { shop, customerId: { not: null }, cancelledAt: null, currencyCode: overview.currency },
    });
    expect(overview.customers).toBe(buyers.length);
    expect(overview.segments.reduce((n, s) => n + s.customers, 0)).toBe(buyers.length);
    expect(overview.segments.reduce((n, s) => n + s.shareOfRevenue, 0)).toBeCloseTo(1, 5);
    for (const s of overview.segments.filter((x) => x.customers > 0)) {
      expect(s.averageClv === null || s.averageClv >= 0).toBe(true);
      expect(s.name).toBe(segmentLabel(s.segment, "en").name);
    }
    expect(overview.segments.some((s) => s.averageClv !== null && s.averageClv > 0)).toBe(true);

    expect(overview.grid.map((row) => row.r)).toEqual([5, 4, 3, 2, 1]);
    expect(overview.grid.every((row) => row.cells.length === 5)).toBe(true);
    const cells = overview.grid.flatMap((row) => row.cells);
    expect(cells.reduce((n, c) => n + c.customers, 0)).toBe(buyers.length);
    expect(cells.find((c) => c.fm === 5 && overview.grid[0]?.cells.includes(c))?.segment).toBe("champions");

    // The dashboard reads the same cached analysis.
    const summary = await segmentSummary(prisma(), cache, shop, "en", h.logger);
    expect(summary?.segments.map((s) => s.customers)).toEqual(
      overview.segments.filter((s) => s.customers > 0).map((s) => s.customers),
    );

    const fr = await segmentsOverview(prisma(), cache, shop, "fr", h.logger);
    expect(fr?.segments.map((s) => s.name)).toEqual(SEGMENTS.map((s) => segmentLabel(s, "fr").name));
  });

  it("pages through a segment's customers, highest spend first, with only the fields the merchant may see", async () => {
    const overview = await segmentsOverview(prisma(), cache, shop, "en", h.logger);
    const largest = [...(overview?.segments ?? [])].sort((a, b) => b.customers - a.customers)[0];
    if (!largest) throw new Error("no segment");
    const first = await segmentCustomers(prisma(), cache, shop, largest.segment, 1, h.logger);
    if (!first) throw new Error("no page");
    expect(first.total).toBe(largest.customers);
    expect(first.pages).toBe(Math.max(1, Math.ceil(largest.customers / CUSTOMERS_PAGE_SIZE)));
    expect(first.rows).toHaveLength(Math.min(CUSTOMERS_PAGE_SIZE, largest.customers));
    for (const row of first.rows) {
      expect(Object.keys(row).sort()).toEqual([
        "country",
        "firstName",
        "id",
        "lastOrderAt",
        "orders",
        "spent",
      ]);
      expect(row.orders).toBeGreaterThan(0);
    }
    const spent = first.rows.map((r) => Number(r.spent));
    expect(spent).toEqual([...spent].sort((a, b) => b - a));

    const row = first.rows[0];
    if (!row) throw new Error("empty page");
    const customer = await prisma().customer.findUnique({ where: { shop_id: { shop, id: BigInt(row.id) } } });
    // Sealed at rest, opened for the merchant.
    expect(customer?.firstName ?? null).not.toBe(row.firstName ?? "");
    expect(row.firstName).toBe(personalData().open(customer?.firstName));
    expect(row.country).toBe(customer?.countryCode ?? null);
    const orders = await prisma().order.count({
      where: { shop, customerId: BigInt(row.id), cancelledAt: null, currencyCode: overview?.currency },
    });
    expect(row.orders).toBe(orders);

    // A member list that left the cache before the summary is recomputed, not shown empty.
    await cache.delete(`admin:segments:v2:${shop}:${largest.segment}`);
    const again = await segmentCustomers(prisma(), cache, shop, largest.segment, 1, h.logger);
    expect(again?.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));

    // Out-of-range pages land on the last one; unknown segments are refused.
    const last = await segmentCustomers(prisma(), cache, shop, largest.segment, 999, h.logger);
    expect(last?.page).toBe(first.pages);
    expect(parseSegment("champions")).toBe("champions");
    expect(parseSegment("vip'; DROP")).toBeNull();
    expect(parseSegment(undefined)).toBeNull();
  });

  it("serves the cached analysis, and has nothing to show for a shop without orders", async () => {
    const before = await segmentsOverview(prisma(), cache, shop, "en", h.logger);
    await prisma().order.deleteMany({ where: { shop } });
    const cached = await segmentsOverview(prisma(), cache, shop, "en", h.logger);
    expect(cached?.segments.map((s) => s.customers)).toEqual(before?.segments.map((s) => s.customers));
    expect(await segmentsOverview(prisma(), createMemoryCache(), shop, "en", h.logger)).toBeNull();
    expect(await segmentCustomers(prisma(), createMemoryCache(), shop, "lost", 1, h.logger)).toBeNull();
  });
});
