import { describe, expect, it } from "vitest";
import {
  fitGammaGamma,
  gammaGammaExpectedValue,
  gammaGammaLogLikelihood,
  gammaGammaTotalLogLikelihood,
  gammaGammaTotalWithGradient,
  logGamma,
  simulateCustomers,
  type GammaGammaParams,
} from "../../src/segments/index.js";

const CDNOW_SPEND: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };

/** Repeat customers only, as the model is fitted. */
function repeaters(sim: { x: Float64Array; m: Float64Array }): { x: Float64Array; m: Float64Array } {
  const x: number[] = [];
  const m: number[] = [];
  sim.x.forEach((v, i) => {
    if (v > 0) {
      x.push(v);
      m.push(sim.m[i] ?? 0);
    }
  });
  return { x: Float64Array.from(x), m: Float64Array.from(m) };
}

describe("Gamma-Gamma likelihood", () => {
  it("matches numerical integration over the customer's scale ν", () => {
    // Given ν, the sum of x orders is Gamma(px, ν), so the mean m has density x·Gamma(px, ν)(m x).
    const { p, q, gamma } = CDNOW_SPEND;
    for (const [x, m] of [
      [1, 20],
      [4, 35],
      [9, 12.5],
    ] as const) {
      const n = 20_000;
      const upper = 3; // ν ~ Gamma(3.74, 15.44) has mean 0.24: negligible mass beyond 3
      const h = upper / n;
      let sum = 0;
      for (let i = 1; i <= n; i++) {
        const nu = (i - 0.5) * h;
        const prior = Math.exp(q * Math.log(gamma) + (q - 1) * Math.log(nu) - gamma * nu - logGamma(q));
        const sumDensity = Math.exp(
          p * x * Math.log(nu) + (p * x - 1) * Math.log(m * x) - nu * m * x - logGamma(p * x),
        );
        sum += prior * x * sumDensity * h;
      }
      expect(gammaGammaLogLikelihood(CDNOW_SPEND, x, m)).toBeCloseTo(Math.log(sum), 5);
    }
  });

  it("gradient matches finite differences and the total matches the per-customer sum", () => {
    const data = repeaters(
      simulateCustomers(
        { r: 1, alpha: 10, a: 1, b: 4 },
        { customers: 400, observe: () => 60, seed: 9, spend: CDNOW_SPEND },
      ),
    );
    let direct = 0;
    for (let i = 0; i < data.x.length; i++)
      direct += gammaGammaLogLikelihood(CDNOW_SPEND, data.x[i] ?? 0, data.m[i] ?? 0);
    expect(gammaGammaTotalLogLikelihood(CDNOW_SPEND, data)).toBeCloseTo(direct, 8);
    const { gradient } = gammaGammaTotalWithGradient(CDNOW_SPEND, data);
    (["p", "q", "gamma"] as const).forEach((key, k) => {
      const h = 1e-5;
      const up = gammaGammaTotalLogLikelihood(
        { ...CDNOW_SPEND, [key]: CDNOW_SPEND[key] * Math.exp(h) },
        data,
      );
      const down = gammaGammaTotalLogLikelihood(
        { ...CDNOW_SPEND, [key]: CDNOW_SPEND[key] * Math.exp(-h) },
        data,
      );
      expect(gradient[k]).toBeCloseTo((up - down) / (2 * h), 3);
    });
  });
});

describe("Gamma-Gamma fit and expectation", () => {
  it.each([7, 8])("recovers known parameters from simulated repeat buyers (seed %i)", (seed) => {
    const truth = { p: 6, q: 4, gamma: 150 };
    const sim = simulateCustomers(
      { r: 1.2, alpha: 30, a: 0.6, b: 6 },
      {
        customers: 20_000,
        observe: (r) => 60 + 600 * r(),
        seed,
        spend: truth,
      },
    );
    const data = repeaters(sim);
    const fit = fitGammaGamma(data);
    expect(fit.converged).toBe(true);
    // ±15 % on each parameter at ~15,000 repeat buyers; p and γ/q trade off, so the population
    // mean order value pγ/(q−1) is tighter: ±5 %.
    expect(Math.abs(fit.params.p / truth.p - 1)).toBeLessThan(0.15);
    expect(Math.abs(fit.params.q / truth.q - 1)).toBeLessThan(0.15);
    expect(Math.abs(fit.params.gamma / truth.gamma - 1)).toBeLessThan(0.15);
    const mean = (v: GammaGammaParams): number => (v.p * v.gamma) / (v.q - 1);
    expect(Math.abs(mean(fit.params) / mean(truth) - 1)).toBeLessThan(0.05);
  });

  it("shrinks a customer's mean towards the population mean, less as orders accumulate", () => {
    const population = gammaGammaExpectedValue(CDNOW_SPEND, 0, 0);
    expect(population).toBeCloseTo((6.25 * 15.44) / 2.74, 10);
    const one = gammaGammaExpectedValue(CDNOW_SPEND, 1, 100);
    const ten = gammaGammaExpectedValue(CDNOW_SPEND, 10, 100);
    expect(one).toBeGreaterThan(population);
    expect(ten).toBeGreaterThan(one);
    expect(ten).toBeLessThan(100);
  });
});
