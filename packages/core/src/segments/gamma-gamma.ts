/**
 * Gamma-Gamma model of spend per order (Fader, Hardie & Lee 2005, "RFM and CLV"; Fader & Hardie
 * 2013 note): a customer's order values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers.
 * Fitted on customers with at least one repeat order, from x = repeat orders and m = the mean
 * value of those repeat orders (the first order is left out, as in the paper).
 */
import { type FitOptions, strideSample } from "./bgnbd.js";
import { minimizeBfgs } from "./bfgs.js";
import { type MinimizeResult, minimizeWithRestarts } from "./nelder-mead.js";
import { digamma, logGamma } from "./special.js";

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface SpendHistory {
  /** Repeat orders (> 0 for every entry). */
  x: ArrayLike<number>;
  /** Mean value of those repeat orders (> 0). */
  m: ArrayLike<number>;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  converged: boolean;
  evaluations: number;
}

/**
 * Log-density of one customer's mean repeat-order value m over x orders.
 *
 * @example
 * gammaGammaLogLikelihood({ p: 6.25, q: 3.74, gamma: 15.44 }, 3, 40)
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, x: number, m: number): number {
  const { p, q, gamma } = params;
  const px = p * x;
  return (
    logGamma(px + q) -
    logGamma(px) -
    logGamma(q) +
    q * Math.log(gamma) +
    (px - 1) * Math.log(m) +
    px * Math.log(x) -
    (px + q) * Math.log(gamma + m * x)
  );
}

/**
 * Summed log-likelihood. The gamma-function terms are computed once per distinct x and log(m)
 * once per customer, so an evaluation costs one log per customer.
 */
export function gammaGammaTotalLogLikelihood(params: GammaGammaParams, data: SpendHistory): number {
  return preparedTotal(params, prepareSpend(data));
}

interface PreparedSpend {
  n: number;
  xIndex: Uint32Array;
  xValues: Float64Array;
  m: Float64Array;
  logM: Float64Array;
}

function prepareSpend(data: SpendHistory): PreparedSpend {
  const n = data.x.length;
  const map = new Map<number, number>();
  const xValues: number[] = [];
  const xIndex = new Uint32Array(n);
  const m = new Float64Array(n);
  const logM = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = data.x[i] ?? 0;
    let k = map.get(x);
    if (k === undefined) {
      k = xValues.length;
      map.set(x, k);
      xValues.push(x);
    }
    xIndex[i] = k;
    m[i] = data.m[i] ?? 0;
    logM[i] = Math.log(m[i] ?? 0);
  }
  return { n, xIndex, xValues: Float64Array.from(xValues), m, logM };
}

function preparedTotal(params: GammaGammaParams, data: PreparedSpend): number {
  const { p, q, gamma } = params;
  const shared = -logGamma(q) + q * Math.log(gamma);
  const perX = new Float64Array(data.xValues.length);
  for (let k = 0; k < perX.length; k++) {
    const x = data.xValues[k] ?? 0;
    perX[k] = shared + logGamma(p * x + q) - logGamma(p * x) + p * x * Math.log(x);
  }
  let total = 0;
  for (let i = 0; i < data.n; i++) {
    const k = data.xIndex[i] ?? 0;
    const x = data.xValues[k] ?? 0;
    const m = data.m[i] ?? 0;
    const px = p * x;
    total += (perX[k] ?? 0) + (px - 1) * (data.logM[i] ?? 0) - (px + q) * Math.log(gamma + m * x);
  }
  return total;
}

function preparedWithGradient(
  params: GammaGammaParams,
  data: PreparedSpend,
): { value: number; gradient: [number, number, number] } {
  const { p, q, gamma } = params;
  const shared = -logGamma(q) + q * Math.log(gamma);
  const nx = data.xValues.length;
  const perX = new Float64Array(nx);
  const dP = new Float64Array(nx);
  const dQ = new Float64Array(nx);
  const psiQ = digamma(q);
  const logGammaParam = Math.log(gamma);
  for (let k = 0; k < nx; k++) {
    const x = data.xValues[k] ?? 0;
    const psiPXQ = digamma(p * x + q);
    perX[k] = shared + logGamma(p * x + q) - logGamma(p * x) + p * x * Math.log(x);
    dP[k] = x * (psiPXQ - digamma(p * x) + Math.log(x));
    dQ[k] = psiPXQ - psiQ + logGammaParam;
  }
  let total = 0;
  let gp = 0;
  let gq = 0;
  let gg = 0;
  for (let i = 0; i < data.n; i++) {
    const k = data.xIndex[i] ?? 0;
    const x = data.xValues[k] ?? 0;
    const logM = data.logM[i] ?? 0;
    const denominator = gamma + (data.m[i] ?? 0) * x;
    const logDen = Math.log(denominator);
    const px = p * x;
    total += (perX[k] ?? 0) + (px - 1) * logM - (px + q) * logDen;
    gp += (dP[k] ?? 0) + x * (logM - logDen);
    gq += (dQ[k] ?? 0) - logDen;
    gg += q / gamma - (px + q) / denominator;
  }
  return { value: total, gradient: [gp * p, gq * q, gg * gamma] };
}

/**
 * Summed log-likelihood and gradient with respect to (ln p, ln q, ln γ), for the quasi-Newton
 * fit (tested against finite differences).
 */
export function gammaGammaTotalWithGradient(
  params: GammaGammaParams,
  data: SpendHistory,
): { value: number; gradient: [number, number, number] } {
  return preparedWithGradient(params, prepareSpend(data));
}

/**
 * Maximum-likelihood Gamma-Gamma fit: BFGS on log-parameters with the analytic gradient
 * (Nelder–Mead polish if needed), warm-started from a subsample on large shops, as for BG/NBD.
 *
 * @example
 * fitGammaGamma({ x: [1, 3, 2], m: [30, 55, 42] }).params
 */
export function fitGammaGamma(data: SpendHistory, options: FitOptions<GammaGammaParams> = {}): GammaGammaFit {
  const n = data.x.length;
  const sample = options.warmStartSample ?? 20_000;
  let start = options.start;
  let evaluations = 0;
  if (!start && n > 2 * sample) {
    const warm = fitGammaGamma(strideSample(data, ["x", "m"], sample), { warmStartSample: sample });
    start = warm.params;
    evaluations += warm.evaluations;
  }
  const prepared = prepareSpend(data);
  const weight = n || 1;
  if (!start) {
    let meanM = 0;
    for (let i = 0; i < n; i++) meanM += (data.m[i] ?? 0) / weight;
    start = { p: 2, q: 3, gamma: Math.max(1e-6, meanM) };
  }
  const toParams = (v: readonly number[]): GammaGammaParams => ({
    p: Math.exp(v[0] ?? 0),
    q: Math.exp(v[1] ?? 0),
    gamma: Math.exp(v[2] ?? 0),
  });
  const outOfRange = (v: readonly number[]): boolean => v.some((t) => Math.abs(t) > 30);
  const point = [Math.log(start.p), Math.log(start.q), Math.log(start.gamma)];
  let result: MinimizeResult = minimizeBfgs((v) => {
    if (outOfRange(v)) return { value: Number.POSITIVE_INFINITY, gradient: [0, 0, 0] };
    const { value, gradient } = preparedWithGradient(toParams(v), prepared);
    return { value: -value / weight, gradient: gradient.map((g) => -g / weight) };
  }, point);
  if (!result.converged) {
    // Rare (flat or degenerate data): polish with the derivative-free simplex.
    const polished = minimizeWithRestarts(
      (v) => (outOfRange(v) ? Number.POSITIVE_INFINITY : -preparedTotal(toParams(v), prepared) / weight),
      result.x,
      { firstStep: 0.3, xTolerance: 1e-6 },
    );
    result = { ...polished, evaluations: polished.evaluations + result.evaluations };
  }
  return {
    params: toParams(result.x),
    logLikelihood: -result.value * weight,
    converged: result.converged,
    evaluations: evaluations + result.evaluations,
  };
}

/**
 * Expected value of this customer's future orders: a weighted mean of the population mean
 * pγ/(q−1) and the customer's own mean m, weighted by how many orders we have seen (x).
 * With x = 0 it is the population mean. Requires q > 1 (otherwise the mean is infinite).
 *
 * @example
 * gammaGammaExpectedValue({ p: 6.25, q: 3.74, gamma: 15.44 }, 0, 0) // ≈ 35.22
 */
export function gammaGammaExpectedValue(params: GammaGammaParams, x: number, m: number): number {
  const { p, q, gamma } = params;
  return (p * (gamma + m * x)) / (p * x + q - 1);
}
