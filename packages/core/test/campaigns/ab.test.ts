import { describe, expect, it } from "vitest";
import { findCatalogGaps, LANGUAGES } from "../../src/i18n/index.js";
import {
  AB_MESSAGES,
  assignVariant,
  evaluateAbTest,
  minimumSampleSize,
  normalCdf,
  normalQuantile,
  probabilityToBeat,
  twoProportionZTest,
} from "../../src/campaigns/index.js";
import { logGamma } from "../../src/segments/index.js";

/** P(B > A) by Simpson integration of f_B(x)·F_A(x), with F_A itself integrated numerically. */
function probabilityByIntegration(aA: number, bA: number, aB: number, bB: number): number {
  const n = 20_000;
  const h = 1 / n;
  const logDensity = (x: number, a: number, b: number): number =>
    logGamma(a + b) - logGamma(a) - logGamma(b) + (a - 1) * Math.log(x) + (b - 1) * Math.log(1 - x);
  let cdfA = 0;
  let total = 0;
  let previous = 0;
  for (let i = 1; i < n; i++) {
    const x = i * h;
    const fa = Math.exp(logDensity(x, aA, bA));
    cdfA += ((previous + fa) / 2) * h; // trapezoid for F_A
    previous = fa;
    total += Math.exp(logDensity(x, aB, bB)) * cdfA * h;
  }
  return total;
}

describe("normal distribution", () => {
  it("matches table values", () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 12);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 14);
    expect(normalCdf(5)).toBeCloseTo(0.9999997133484281, 14);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729143, 12);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 10);
  });
});

describe("two-proportion z-test", () => {
  it("reproduces the aspirin study (Agresti, Categorical Data Analysis: X² = 25.01)", () => {
    // Physicians' Health Study: heart attacks 189 / 11,034 on placebo, 104 / 11,037 on aspirin.
    const result = twoProportionZTest(
      { visitors: 11034, conversions: 189 },
      { visitors: 11037, conversions: 104 },
    );
    expect(result.z * result.z).toBeCloseTo(25.01, 2);
    expect(result.pValue).toBeLessThan(1e-6);
    expect(result.difference).toBeCloseTo(104 / 11037 - 189 / 11034, 12);
  });

  it("gives p = 0.153 for 100/1000 vs 120/1000 and a CI that contains the difference", () => {
    const r = twoProportionZTest({ visitors: 1000, conversions: 100 }, { visitors: 1000, conversions: 120 });
    expect(r.z).toBeCloseTo(1.4293, 4);
    expect(r.pValue).toBeCloseTo(0.1529, 4);
    expect(r.confidenceInterval[0]).toBeLessThan(0.02);
    expect(r.confidenceInterval[1]).toBeGreaterThan(0.02);
  });
});

describe("Beta-Binomial probability to beat (exact sum)", () => {
  it("gives 2/3 for one success against nothing, 1/2 for identical data", () => {
    expect(probabilityToBeat({ visitors: 0, conversions: 0 }, { visitors: 1, conversions: 1 })).toBeCloseTo(
      2 / 3,
      12,
    );
    expect(
      probabilityToBeat({ visitors: 500, conversions: 50 }, { visitors: 500, conversions: 50 }),
    ).toBeCloseTo(0.5, 10);
  });

  it("matches numerical integration, and P(B > A) + P(A > B) = 1", () => {
    for (const [a, b] of [
      [
        { visitors: 200, conversions: 18 },
        { visitors: 210, conversions: 27 },
      ],
      [
        { visitors: 1000, conversions: 100 },
        { visitors: 1000, conversions: 120 },
      ],
      [
        { visitors: 40, conversions: 35 },
        { visitors: 45, conversions: 30 },
      ],
    ] as const) {
      const exact = probabilityToBeat(a, b);
      const numeric = probabilityByIntegration(
        1 + a.conversions,
        1 + a.visitors - a.conversions,
        1 + b.conversions,
        1 + b.visitors - b.conversions,
      );
      expect(exact).toBeCloseTo(numeric, 5);
      expect(exact + probabilityToBeat(b, a)).toBeCloseTo(1, 10);
    }
  });
});

describe("minimum sample size", () => {
  it("gives the textbook 3,841 per group for 10 % → 12 % at α = 0.05, power 0.8", () => {
    expect(minimumSampleSize({ baselineRate: 0.1, relativeEffect: 0.2 })).toBe(3841);
  });

  it("is the smallest n whose power reaches the target", () => {
    const power = (n: number, p1: number, p2: number): number => {
      const mean = (p1 + p2) / 2;
      const za = normalQuantile(0.975);
      return normalCdf(
        (Math.abs(p2 - p1) * Math.sqrt(n) - za * Math.sqrt(2 * mean * (1 - mean))) /
          Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)),
      );
    };
    for (const [p1, effect] of [
      [0.02, 0.5],
      [0.3, 0.1],
    ] as const) {
      const n = minimumSampleSize({ baselineRate: p1, relativeEffect: effect });
      expect(power(n, p1, p1 * (1 + effect))).toBeGreaterThanOrEqual(0.8);
      expect(power(n - 1, p1, p1 * (1 + effect))).toBeLessThan(0.8);
    }
    expect(minimumSampleSize({ baselineRate: 0, relativeEffect: 0.2 })).toBe(Infinity);
    // Near 100 % the test is sized for the same relative drop: 90 % → 72 %.
    expect(minimumSampleSize({ baselineRate: 0.9, relativeEffect: 0.2 })).toBe(
      minimumSampleSize({ baselineRate: 0.72, relativeEffect: 0.25 }),
    );
  });
});

describe("A/B evaluation", () => {
  it("says there is not enough data before the required sample, even with a big early gap", () => {
    const r = evaluateAbTest({
      variants: [
        { id: "A", visitors: 300, conversions: 30 },
        { id: "B", visitors: 300, conversions: 55 },
      ],
    });
    expect(r.status).toBe("not_enough_data");
    expect(r.winner).toBeNull();
    expect(r.requiredVisitorsPerVariant).toBe(3841);
    expect(r.message).toBe("Not enough data yet: each variant needs 3841 visitors (fewest so far: 300).");
    expect(
      evaluateAbTest(
        {
          variants: [
            { id: "A", visitors: 50, conversions: 0 },
            { id: "B", visitors: 50, conversions: 2 },
          ],
        },
        "de",
      ).message,
    ).toMatch(/Noch nicht genug Daten/);
  });

  it("declares a significant winner, or an inconclusive result, once the sample is reached", () => {
    const win = evaluateAbTest(
      {
        variants: [
          { id: "A", visitors: 5000, conversions: 500 },
          { id: "B", visitors: 5000, conversions: 600 },
        ],
      },
      "fr",
    );
    expect(win.status).toBe("significant");
    expect(win.winner).toBe("B");
    expect(win.comparisons[0]?.probabilityToBeatControl).toBeGreaterThan(0.99);
    expect(win.message).toMatch(/^B gagne/);
    const tie = evaluateAbTest({
      variants: [
        { id: "A", visitors: 5000, conversions: 500 },
        { id: "B", visitors: 5000, conversions: 510 },
      ],
    });
    expect(tie.status).toBe("inconclusive");
  });

  it("uses a Bonferroni-corrected level with several variants and validates input", () => {
    const r = evaluateAbTest({
      variants: [
        { id: "A", visitors: 9000, conversions: 900 },
        { id: "B", visitors: 9000, conversions: 960 },
        { id: "C", visitors: 9000, conversions: 1000 },
      ],
    });
    expect(r.alphaPerComparison).toBeCloseTo(0.025, 12);
    expect(r.comparisons.map((c) => c.variant)).toEqual(["B", "C"]);
    expect(() =>
      evaluateAbTest({
        variants: [
          { id: "A", visitors: 1, conversions: 2 },
          { id: "B", visitors: 1, conversions: 0 },
        ],
      }),
    ).toThrow(/variants\.0\.conversions/);
  });

  it("has its messages in the ten languages", () => {
    expect(findCatalogGaps(AB_MESSAGES)).toEqual([]);
    expect(LANGUAGES.length).toBe(10);
  });
});

describe("variant assignment", () => {
  it("is deterministic, independent per test, and follows the weights", () => {
    const variants = [
      { id: "A", weight: 1 },
      { id: "B", weight: 1 },
      { id: "C", weight: 2 },
    ];
    const counts: Record<string, number> = { A: 0, B: 0, C: 0 };
    let differs = 0;
    for (let i = 0; i < 100_000; i++) {
      const v = assignVariant("spring-email", `customer-${i}`, variants);
      counts[v] = (counts[v] ?? 0) + 1;
      expect(assignVariant("spring-email", `customer-${i}`, variants)).toBe(v);
      if (assignVariant("summer-sms", `customer-${i}`, variants) !== v) differs++;
    }
    // ±1 percentage point of the 25 / 25 / 50 split at 100,000 customers (σ ≈ 0.14 pp).
    expect(Math.abs((counts.A ?? 0) / 100_000 - 0.25)).toBeLessThan(0.01);
    expect(Math.abs((counts.B ?? 0) / 100_000 - 0.25)).toBeLessThan(0.01);
    expect(Math.abs((counts.C ?? 0) / 100_000 - 0.5)).toBeLessThan(0.01);
    // Two tests split the audience independently: about 1 − (¼² + ¼² + ½²) = 62.5 % differ.
    expect(Math.abs(differs / 100_000 - 0.625)).toBeLessThan(0.01);
    expect(() => assignVariant("t", "c", [{ id: "A", weight: 0 }])).toThrow(/positive weight/);
  });
});
