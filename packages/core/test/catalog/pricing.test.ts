import Big from "big.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { definePricingRules, priceVariant } from "../../src/catalog/pricing.js";
import { ValidationError } from "../../src/errors/index.js";

/** Decimal strings with 2 places, built from integers so no float ever enters. */
const money = (maxCents: number) =>
  fc.integer({ min: 1, max: maxCents }).map((c) => new Big(c).div(100).toFixed(2));
const fraction = (max: number) => fc.integer({ min: 0, max }).map((n) => new Big(n).div(100).toFixed(2));
const ending = fc.constantFrom(".99" as const, ".95" as const, "whole" as const, "none" as const);

describe("priceVariant", () => {
  it("applies multiplier, markup, conversion and the .99 ending exactly", () => {
    const rules = definePricingRules({
      currency: "EUR",
      rates: { USD: "0.92" },
      multiplier: "2",
      fixedMarkup: "1.5",
    });
    const result = priceVariant({ cost: "10.39", currency: "USD" }, rules);
    // 10.39 × 0.92 = 9.5588 → × 2 + 1.5 = 20.6176 → 20.99
    expect(result).toEqual({
      price: "20.99",
      landedCost: "9.5588",
      profit: "11.4312",
      margin: "0.5446",
      raisedForMargin: false,
      currency: "EUR",
    });
  });

  it("has no float drift on classic traps", () => {
    const rules = definePricingRules({ currency: "USD", multiplier: "3", ending: "none" });
    expect(priceVariant({ cost: "0.1", currency: "USD" }, rules).price).toBe("0.30");
    expect(
      priceVariant(
        { cost: "1.15", currency: "USD" },
        definePricingRules({ currency: "USD", multiplier: "1", ending: "none" }),
      ).price,
    ).toBe("1.15");
  });

  it("uses the first tier matching the landed cost", () => {
    const rules = definePricingRules({
      currency: "USD",
      tiers: [
        { min: "0", max: "10", multiplier: "3" },
        { min: "10", max: "50", multiplier: "2", fixedMarkup: "2" },
        { min: "50", multiplier: "1.5" },
      ],
      ending: "whole",
    });
    expect(priceVariant({ cost: "4.20", currency: "USD" }, rules).price).toBe("13.00");
    expect(priceVariant({ cost: "10.00", currency: "USD" }, rules).price).toBe("22.00");
    expect(priceVariant({ cost: "80", currency: "USD" }, rules).price).toBe("120.00");
  });

  it("includes shipping in the cost only when the price absorbs it", () => {
    const included = definePricingRules({
      currency: "USD",
      multiplier: "2",
      ending: "none",
      shipping: { cost: "3", included: true },
    });
    const separate = definePricingRules({
      currency: "USD",
      multiplier: "2",
      ending: "none",
      shipping: { cost: "3", included: false },
    });
    expect(priceVariant({ cost: "5", currency: "USD" }, included)).toMatchObject({
      price: "16.00",
      landedCost: "8.0000",
    });
    expect(priceVariant({ cost: "5", currency: "USD" }, separate)).toMatchObject({
      price: "10.00",
      landedCost: "5.0000",
    });
  });

  it("raises the price to the minimum margin and flags it", () => {
    const rules = definePricingRules({
      currency: "USD",
      multiplier: "1.1",
      minimumMargin: "0.4",
      ending: ".95",
    });
    const result = priceVariant({ cost: "30", currency: "USD" }, rules);
    // 30 / 0.6 = 50 → 50.95
    expect(result).toMatchObject({ price: "50.95", raisedForMargin: true });
    expect(new Big(result.margin).gte("0.4")).toBe(true);
  });

  it("sets compare-at prices above the price, or not at all", () => {
    const byMultiplier = definePricingRules({
      currency: "USD",
      compareAt: { mode: "multiplier", value: "1.5" },
    });
    expect(priceVariant({ cost: "10", currency: "USD" }, byMultiplier)).toMatchObject({
      price: "20.99",
      compareAtPrice: "31.99",
    });
    const supplier = definePricingRules({ currency: "USD", compareAt: { mode: "supplier" } });
    expect(
      priceVariant({ cost: "10.39", listPrice: "12.99", currency: "USD" }, supplier).compareAtPrice,
    ).toBe("26.99");
    expect(priceVariant({ cost: "10", currency: "USD" }, supplier).compareAtPrice).toBeUndefined();
    const useless = definePricingRules({ currency: "USD", compareAt: { mode: "multiplier", value: "1" } });
    expect(priceVariant({ cost: "10", currency: "USD" }, useless).compareAtPrice).toBeUndefined();
  });

  it("writes zero-decimal currencies as whole amounts", () => {
    const rules = definePricingRules({ currency: "JPY", rates: { USD: "151.37" } });
    expect(priceVariant({ cost: "10.39", currency: "USD" }, rules).price).toBe("3146");
  });

  it("reports a missing exchange rate and bad rules as invalid_config, naming the field", () => {
    const rules = definePricingRules({ currency: "EUR" });
    expect(() => priceVariant({ cost: "1", currency: "GBP" }, rules)).toThrow(ValidationError);
    try {
      priceVariant({ cost: "1", currency: "GBP" }, rules);
    } catch (error) {
      expect((error as ValidationError).field).toBe("rates.GBP");
    }
    let invalid: unknown;
    try {
      definePricingRules({
        currency: "EURO",
        multiplier: "-1",
        minimumMargin: "0.99",
        tiers: [{ min: "10", max: "5" }],
      });
    } catch (error) {
      invalid = error;
    }
    expect((invalid as ValidationError).code).toBe("invalid_config");
    expect((invalid as ValidationError).issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(["currency", "multiplier"]),
    );
  });
});

describe("priceVariant properties", () => {
  const rulesArb = fc.record({
    multiplier: fc.integer({ min: 50, max: 500 }).map((n) => new Big(n).div(100).toFixed(2)),
    fixedMarkup: money(2_000),
    ending,
    minimumMargin: fraction(90),
    rate: fc.integer({ min: 1, max: 200_000 }).map((n) => new Big(n).div(10_000).toString()),
    shipping: money(3_000),
    included: fc.boolean(),
  });

  it("never breaches the minimum margin and never goes below the rules' price", () => {
    fc.assert(
      fc.property(money(1_000_000), rulesArb, (cost, r) => {
        const rules = definePricingRules({
          currency: "EUR",
          rates: { USD: r.rate },
          multiplier: r.multiplier,
          fixedMarkup: r.fixedMarkup,
          ending: r.ending,
          minimumMargin: r.minimumMargin,
          shipping: { cost: r.shipping, included: r.included },
        });
        const result = priceVariant({ cost, currency: "USD" }, rules);
        const price = new Big(result.price);
        const landed = new Big(cost).plus(r.included ? r.shipping : 0).times(r.rate);
        expect(price.minus(landed).div(price).gte(r.minimumMargin)).toBe(true);
        expect(price.gte(landed.times(r.multiplier).plus(r.fixedMarkup))).toBe(true);
        expect(result.landedCost).toBe(landed.toFixed(4));
      }),
      { numRuns: 500 },
    );
  });

  it("ends every price with the configured ending, as an exact 2-decimal string", () => {
    fc.assert(
      fc.property(money(500_000), ending, (cost, end) => {
        const { price } = priceVariant(
          { cost, currency: "USD" },
          definePricingRules({ currency: "USD", ending: end }),
        );
        expect(price).toMatch(/^\d+\.\d{2}$/);
        if (end === ".99") expect(price.endsWith(".99")).toBe(true);
        if (end === ".95") expect(price.endsWith(".95")).toBe(true);
        if (end === "whole") expect(price.endsWith(".00")).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("rounds to the nearest ending above: never more than one unit up", () => {
    fc.assert(
      fc.property(money(500_000), ending, (cost, end) => {
        const rules = definePricingRules({ currency: "USD", multiplier: "1", ending: end });
        const price = new Big(priceVariant({ cost, currency: "USD" }, rules).price);
        expect(price.gte(cost)).toBe(true);
        expect(price.minus(cost).lt(1)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("is monotonic in cost and keeps compare-at above price", () => {
    fc.assert(
      fc.property(money(100_000), money(100_000), ending, (a, b, end) => {
        const rules = definePricingRules({
          currency: "USD",
          ending: end,
          compareAt: { mode: "multiplier", value: "1.3" },
        });
        const [low, high] = new Big(a).lte(b) ? [a, b] : [b, a];
        const pl = priceVariant({ cost: low, currency: "USD" }, rules);
        const ph = priceVariant({ cost: high, currency: "USD" }, rules);
        expect(new Big(pl.price).lte(ph.price)).toBe(true);
        for (const r of [pl, ph])
          if (r.compareAtPrice !== undefined) expect(new Big(r.compareAtPrice).gt(r.price)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
