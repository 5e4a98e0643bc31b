import { describe, expect, it } from "vitest";
import {
  bgnbdExpectedPurchases,
  bgnbdLogLikelihood,
  bgnbdProbabilityAlive,
  bgnbdTotalLogLikelihood,
  bgnbdTotalWithGradient,
  compressHistory,
  fitBgNbd,
  hyp2f1,
  logGamma,
  simulateCustomers,
  type BgNbdParams,
} from "../../src/segments/index.js";

/** Composite Simpson over [0, lMax] × [0, 1] of f(λ, p) g(λ | r, α) f(p | a, b). */
function integrate(params: BgNbdParams, f: (lambda: number, p: number) => number, lMax = 12): number {
  const { r, alpha, a, b } = params;
  const nl = 1200;
  const np = 400;
  const hl = lMax / nl;
  const hp = 1 / np;
  const logNormG = r * Math.log(alpha) - logGamma(r);
  const logNormB = logGamma(a + b) - logGamma(a) - logGamma(b);
  const w = (i: number, n: number): number => (i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2);
  let sum = 0;
  for (let i = 0; i <= nl; i++) {
    const lambda = i * hl;
    const g = lambda === 0 ? 0 : Math.exp(logNormG + (r - 1) * Math.log(lambda) - alpha * lambda);
    if (g === 0) continue;
    for (let j = 0; j <= np; j++) {
      const p = j * hp;
      const beta =
        p === 0 || p === 1 ? 0 : Math.exp(logNormB + (a - 1) * Math.log(p) + (b - 1) * Math.log(1 - p));
      if (beta === 0) continue;
      sum += w(i, nl) * w(j, np) * f(lambda, p) * g * beta;
    }
  }
  return (sum * hl * hp) / 9;
}

// Smooth priors (r, a, b ≥ 1) so plain Simpson integration is accurate.
const SMOOTH: BgNbdParams = { r: 2, alpha: 5, a: 2, b: 3 };
// Fader, Hardie & Lee (2005), CDNOW sample, time in weeks.
const CDNOW: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/** Individual-level likelihood: alive at T, or dropped out right after the last purchase. */
const individual = (x: number, tx: number, T: number) => (lambda: number, p: number) =>
  Math.pow(1 - p, x) * Math.pow(lambda, x) * Math.exp(-lambda * T) +
  (x > 0 ? p * Math.pow(1 - p, x - 1) * Math.pow(lambda, x) * Math.exp(-lambda * tx) : 0);

describe("BG/NBD likelihood", () => {
  it("matches direct numerical integration over λ and p", () => {
    for (const [x, tx, T] of [
      [0, 0, 4],
      [1, 2.5, 6],
      [3, 6, 10],
    ] as const) {
      const numeric = integrate(SMOOTH, individual(x, tx, T));
      expect(bgnbdLogLikelihood(SMOOTH, x, tx, T)).toBeCloseTo(Math.log(numeric), 5);
    }
  });

  it("the compressed sum equals the sum of per-customer values", () => {
    const sim = simulateCustomers(CDNOW, { customers: 500, observe: () => 39, seed: 3, wholeUnits: true });
    let direct = 0;
    for (let i = 0; i < 500; i++)
      direct += bgnbdLogLikelihood(CDNOW, sim.x[i] ?? 0, sim.tx[i] ?? 0, sim.T[i] ?? 0);
    const compressed = compressHistory(sim);
    expect(compressed.size).toBeLessThan(500);
    expect(bgnbdTotalLogLikelihood(CDNOW, compressed)).toBeCloseTo(direct, 8);
    expect(bgnbdTotalWithGradient(CDNOW, compressed).value).toBeCloseTo(direct, 8);
  });

  it("the analytic gradient matches central finite differences", () => {
    const sim = simulateCustomers(SMOOTH, { customers: 300, observe: (r) => 5 + 20 * r(), seed: 4 });
    const data = compressHistory(sim);
    const { gradient } = bgnbdTotalWithGradient(CDNOW, data);
    const keys = ["r", "alpha", "a", "b"] as const;
    keys.forEach((key, k) => {
      const h = 1e-5;
      const up = { ...CDNOW, [key]: CDNOW[key] * Math.exp(h) };
      const down = { ...CDNOW, [key]: CDNOW[key] * Math.exp(-h) };
      const numeric = (bgnbdTotalLogLikelihood(up, data) - bgnbdTotalLogLikelihood(down, data)) / (2 * h);
      expect(gradient[k]).toBeCloseTo(numeric, 3);
    });
  });
});

describe("BG/NBD predictions", () => {
  it("reproduces the published CDNOW example: E[Y(39) | x=2, tx=30.43, T=38.86] = 1.226", () => {
    // Fader, Hardie & Lee (2005), section 5: a customer with 2 repeat purchases in 38.86 weeks.
    expect(bgnbdExpectedPurchases(CDNOW, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
  });

  it("matches the paper's formula with the untransformed 2F1", () => {
    const { r, alpha, a, b } = CDNOW;
    for (const [t, x, tx, T] of [
      [39, 2, 30.43, 38.86],
      [52, 0, 0, 20],
      [10, 7, 35, 38],
    ] as const) {
      const z = t / (alpha + T + t);
      const top =
        ((a + b + x - 1) / (a - 1)) *
        (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z));
      const bottom = 1 + (x > 0 ? (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x) : 0);
      expect(bgnbdExpectedPurchases(CDNOW, t, x, tx, T)).toBeCloseTo(top / bottom, 9);
    }
  });

  it("matches numerical integration of the individual-level expectation", () => {
    // E[Y(t) | data] = ∫∫ P(alive at T, data | λ, p) · (1 − e^{−λpt}) / p dG dB / L(data).
    const [t, x, tx, T] = [3, 2, 4, 7];
    const numerator = integrate(
      SMOOTH,
      (lambda, p) =>
        Math.pow(1 - p, x) * Math.pow(lambda, x) * Math.exp(-lambda * T) * (-Math.expm1(-lambda * p * t) / p),
    );
    const likelihood = integrate(SMOOTH, individual(x, tx, T));
    expect(bgnbdExpectedPurchases(SMOOTH, t, x, tx, T)).toBeCloseTo(numerator / likelihood, 5);
    // P(alive) is the same posterior ratio without the future-purchases factor.
    const alive = integrate(SMOOTH, (l, p) => Math.pow(1 - p, x) * Math.pow(l, x) * Math.exp(-l * T));
    expect(bgnbdProbabilityAlive(SMOOTH, x, tx, T)).toBeCloseTo(alive / likelihood, 6);
  });

  it("is continuous through a = 1 where the closed form divides by a − 1", () => {
    const at = (a: number): number => bgnbdExpectedPurchases({ ...CDNOW, a }, 30, 3, 20, 30);
    expect(at(1)).toBeCloseTo((at(1 - 1e-6) + at(1 + 1e-6)) / 2, 6);
    expect(Number.isFinite(at(1))).toBe(true);
  });

  it("P(alive) is 1 without repeat purchases and falls as silence grows", () => {
    expect(bgnbdProbabilityAlive(CDNOW, 0, 0, 50)).toBe(1);
    const recent = bgnbdProbabilityAlive(CDNOW, 4, 30, 32);
    const silent = bgnbdProbabilityAlive(CDNOW, 4, 5, 32);
    expect(recent).toBeGreaterThan(silent);
    expect(silent).toBeGreaterThan(0);
  });
});

describe("BG/NBD maximum likelihood", () => {
  it.each([
    { seed: 11, truth: { r: 0.5, alpha: 40, a: 0.8, b: 2.5 } },
    { seed: 12, truth: { r: 1.2, alpha: 80, a: 0.6, b: 6 } },
  ])("recovers known parameters from 20,000 simulated customers (seed $seed)", ({ seed, truth }) => {
    const sim = simulateCustomers(truth, {
      customers: 20_000,
      observe: (r) => 30 + 700 * r(),
      seed,
      wholeUnits: true,
    });
    const fit = fitBgNbd(sim);
    expect(fit.converged).toBe(true);
    // Tolerances: ±10 % for r and α, ±20 % for a and b (the dropout parameters are identified
    // only by repeat buyers, so their sampling error is about twice as large at this size).
    expect(Math.abs(fit.params.r / truth.r - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit.params.alpha / truth.alpha - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit.params.a / truth.a - 1)).toBeLessThan(0.2);
    expect(Math.abs(fit.params.b / truth.b - 1)).toBeLessThan(0.2);
    // And it is a maximum: the likelihood at the truth is not higher.
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(bgnbdTotalLogLikelihood(truth, compressHistory(sim)));
  });

  it("the subsample warm start reaches the same optimum as a cold fit", () => {
    const sim = simulateCustomers(CDNOW, { customers: 6000, observe: (r) => 10 + 30 * r(), seed: 5 });
    const cold = fitBgNbd(sim, { warmStartSample: 1_000_000 });
    const warm = fitBgNbd(sim, { warmStartSample: 1000 });
    expect(warm.logLikelihood).toBeCloseTo(cold.logLikelihood, 4);
    expect(warm.params.r).toBeCloseTo(cold.params.r, 3);
  });
});
