import { describe, expect, it } from "vitest";
import {
  analyzeCustomers,
  bgnbdExpectedPurchases,
  createProfileBuilder,
  DAY_MS,
  predictCustomerValue,
  PRIOR_BGNBD,
  SEGMENTS,
  simulateCustomers,
  THIN_DATA,
  type BgNbdParams,
  type GammaGammaParams,
} from "../../src/segments/index.js";

const AS_OF = Date.UTC(2025, 0, 1);

/** A shop whose orders come from the models with known parameters. */
function shop(customers: number, truth: BgNbdParams, spend: GammaGammaParams, seed = 1) {
  const sim = simulateCustomers(truth, {
    customers,
    observe: (r) => 30 + 700 * r(),
    seed,
    spend,
    keepOrders: true,
    wholeUnits: true,
  });
  const orders = sim.orders;
  if (!orders) throw new Error("no orders");
  const builder = createProfileBuilder({ currency: "EUR", asOf: new Date(AS_OF) });
  builder.addOrderColumns({
    customerId: orders.customer,
    createdAt: Array.from(
      orders.customer,
      (c, i) => AS_OF - ((sim.T[c] ?? 0) - (orders.time[i] ?? 0)) * DAY_MS - 3_600_000,
    ),
    total: orders.value,
    productId: Array.from(orders.customer, (c) => 100 + (c % 7)),
  });
  return { sim, ...builder.finish() };
}

describe("customer value (BG/NBD × Gamma-Gamma)", () => {
  const truth = { r: 0.8, alpha: 40, a: 0.7, b: 3 };
  const spend = { p: 5, q: 4, gamma: 120 };

  it("fits the shop's own data end to end and recovers the generating parameters", () => {
    const { table } = shop(15_000, truth, spend, 21);
    const values = predictCustomerValue(table);
    expect(values.bgnbd.source).toBe("fitted");
    expect(values.gammaGamma.source).toBe("fitted");
    // Same tolerances as the model tests: ±10 % r, α; ±20 % a, b; ±5 % mean order value.
    expect(Math.abs(values.bgnbd.params.r / truth.r - 1)).toBeLessThan(0.1);
    expect(Math.abs(values.bgnbd.params.alpha / truth.alpha - 1)).toBeLessThan(0.1);
    expect(Math.abs(values.bgnbd.params.a / truth.a - 1)).toBeLessThan(0.2);
    expect(Math.abs(values.bgnbd.params.b / truth.b - 1)).toBeLessThan(0.2);
    const mean = (v: GammaGammaParams): number => (v.p * v.gamma) / (v.q - 1);
    expect(Math.abs(mean(values.gammaGamma.params) / mean(spend) - 1)).toBeLessThan(0.05);
    for (const v of [values.pAlive, values.expectedPurchases, values.clv])
      expect(v.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
    expect(values.pAlive.every((p) => p <= 1)).toBe(true);
  });

  it("without discounting, CLV = expected orders over the horizon × expected order value", () => {
    const { table } = shop(400, truth, spend, 3);
    const values = predictCustomerValue(table, { horizonMonths: 6, monthlyDiscountRate: 0 });
    for (let i = 0; i < 50; i++)
      expect(values.clv[i]).toBeCloseTo(
        (values.expectedPurchases[i] ?? 0) * (values.expectedOrderValue[i] ?? 0),
        8,
      );
    const discounted = predictCustomerValue(table, {
      horizonMonths: 6,
      monthlyDiscountRate: 0.05,
      profitMargin: 0.5,
    });
    expect(discounted.clv[0]).toBeLessThan((values.clv[0] ?? 0) * 0.5);
    expect(values.horizonDays).toBeCloseTo(6 * 30.4375, 10);
  });

  it("falls back to the published prior on thin data, and says why", () => {
    const builder = createProfileBuilder({ currency: "EUR", asOf: new Date(AS_OF) });
    builder.addOrderColumns({
      customerId: [1, 1, 2, 3],
      createdAt: [AS_OF - 90 * DAY_MS, AS_OF - 10 * DAY_MS, AS_OF - 40 * DAY_MS, AS_OF - 5 * DAY_MS],
      total: [30, 50, 20, 100],
    });
    const { table } = builder.finish();
    const values = predictCustomerValue(table);
    expect(values.bgnbd.source).toBe("prior");
    expect(values.bgnbd.reason).toMatch(`only 3 customers (need ${THIN_DATA.customers})`);
    expect(values.bgnbd.params).toEqual(PRIOR_BGNBD);
    expect(values.gammaGamma.source).toBe("prior");
    // The prior's mean order value is the shop's own AOV (200 / 4 orders).
    const { p, q, gamma } = values.gammaGamma.params;
    expect((p * gamma) / (q - 1)).toBeCloseTo(50, 8);
    expect(values.expectedPurchases[0]).toBeCloseTo(
      bgnbdExpectedPurchases(PRIOR_BGNBD, 12 * 30.4375, 1, 80, 90),
      8,
    );
  });

  it("rejects invalid options with the field named", () => {
    const { table } = shop(60, truth, spend, 4);
    expect(() => predictCustomerValue(table, { horizonMonths: 0 })).toThrow(/horizonMonths/);
  });
});

describe("analysis and segment statistics", () => {
  it("statistics add up to the shop totals and describe each segment", () => {
    const { table } = shop(3000, { r: 0.8, alpha: 40, a: 0.7, b: 3 }, { p: 5, q: 4, gamma: 120 }, 8);
    const analysis = analyzeCustomers(table);
    const stats = analysis.statistics;
    expect(stats.map((s) => s.segment)).toEqual([...SEGMENTS]);
    const sum = (f: (s: (typeof stats)[number]) => number): number => stats.reduce((a, s) => a + f(s), 0);
    expect(sum((s) => s.customers)).toBe(table.size);
    expect(sum((s) => s.shareOfCustomers)).toBeCloseTo(1, 10);
    expect(sum((s) => s.shareOfRevenue)).toBeCloseTo(1, 10);
    expect(sum((s) => s.revenue)).toBeCloseTo(analysis.shop.revenue, 6);
    expect(sum((s) => s.orders)).toBe(analysis.shop.orders);
    const champions = stats.find((s) => s.segment === "champions");
    const lost = stats.find((s) => s.segment === "lost");
    expect(champions?.customers).toBeGreaterThan(0);
    expect(champions?.averageOrders).toBeGreaterThan(lost?.averageOrders ?? Infinity);
    expect(champions?.averageRecencyDays).toBeLessThan(lost?.averageRecencyDays ?? 0);
    expect(champions?.averageClv).toBeGreaterThan(lost?.averageClv ?? Infinity);
    expect(champions?.topProducts.length).toBeGreaterThan(0);
    expect(champions?.topProducts[0]?.id).toMatch(/^10\d$/);
    expect(analysis.segments.length).toBe(table.size);
  });
});
