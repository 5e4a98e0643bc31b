/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while alive a
 * customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each purchase they drop
 * out with probability p ~ Beta(a, b). Inputs per customer: x = repeat purchases, tx = time of
 * the last purchase and T = time observed, both measured from the first purchase.
 */
import { minimizeBfgs } from "./bfgs.js";
import { type MinimizeResult, minimizeWithRestarts } from "./nelder-mead.js";
import { digamma, logAddExp, logGamma } from "./special.js";

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Per-customer summaries, one entry per customer (any numeric array type). */
export interface RepeatHistory {
  /** Repeat purchases (orders − 1). */
  x: ArrayLike<number>;
  /** Time from first to last purchase. */
  tx: ArrayLike<number>;
  /** Time from first purchase to the end of observation. */
  T: ArrayLike<number>;
}

export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  converged: boolean;
  evaluations: number;
}

/**
 * Log-likelihood of one customer's (x, tx, T), equation (6) of the paper in log form.
 *
 * @example
 * bgnbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 2, 30.43, 38.86)
 */
export function bgnbdLogLikelihood(params: BgNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = params;
  const common =
    logGamma(r + x) -
    logGamma(r) +
    r * Math.log(alpha) +
    logGamma(a + b) +
    logGamma(b + x) -
    logGamma(b) -
    logGamma(a + b + x);
  const stillAlive = -(r + x) * Math.log(alpha + T);
  if (x === 0) return common + stillAlive;
  const droppedOut = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  return common + logAddExp(stillAlive, droppedOut);
}

/**
 * Customers collapsed to distinct (x, tx, T) triples with weights, and distinct time values, so
 * one likelihood evaluation costs one exp and one log per distinct triple, and one log per
 * distinct time: with whole-day times a 200,000-customer shop has a few thousand times.
 */
export interface CompressedHistory {
  readonly size: number;
  readonly totalWeight: number;
  readonly weight: Float64Array;
  readonly xIndex: Uint32Array;
  readonly txIndex: Uint32Array;
  readonly TIndex: Uint32Array;
  readonly xValues: Float64Array;
  readonly times: Float64Array;
  /** For each input customer, the index of its triple. */
  readonly tripleOf: Uint32Array;
}

function indexer(): { index: (v: number) => number; values: number[] } {
  const map = new Map<number, number>();
  const values: number[] = [];
  return {
    values,
    index(v) {
      let i = map.get(v);
      if (i === undefined) {
        i = values.length;
        map.set(v, i);
        values.push(v);
      }
      return i;
    },
  };
}

/** Collapses per-customer histories into weighted distinct triples (see CompressedHistory). */
export function compressHistory(data: RepeatHistory): CompressedHistory {
  const n = data.x.length;
  const xs = indexer();
  const ts = indexer();
  const xi = new Uint32Array(n);
  const txi = new Uint32Array(n);
  const Ti = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    xi[i] = xs.index(data.x[i] ?? 0);
    txi[i] = ts.index(data.tx[i] ?? 0);
    Ti[i] = ts.index(data.T[i] ?? 0);
  }
  const m = ts.values.length;
  const triples = new Map<number, number>();
  const weight: number[] = [];
  const outX: number[] = [];
  const outTx: number[] = [];
  const outT: number[] = [];
  const keyable = xs.values.length * m * m < Number.MAX_SAFE_INTEGER;
  const tripleOf = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const x = xi[i] ?? 0;
    const tx = txi[i] ?? 0;
    const T = Ti[i] ?? 0;
    const key = keyable ? (x * m + tx) * m + T : i;
    const k = triples.get(key);
    if (k === undefined) {
      tripleOf[i] = weight.length;
      triples.set(key, weight.length);
      weight.push(1);
      outX.push(x);
      outTx.push(tx);
      outT.push(T);
    } else {
      tripleOf[i] = k;
      weight[k] = (weight[k] ?? 0) + 1;
    }
  }
  return {
    size: weight.length,
    totalWeight: n,
    weight: Float64Array.from(weight),
    xIndex: Uint32Array.from(outX),
    txIndex: Uint32Array.from(outTx),
    TIndex: Uint32Array.from(outT),
    xValues: Float64Array.from(xs.values),
    times: Float64Array.from(ts.values),
    tripleOf,
  };
}

/**
 * Summed log-likelihood over compressed histories; same value as summing
 * `bgnbdLogLikelihood` over every customer (tested), much faster.
 */
export function bgnbdTotalLogLikelihood(params: BgNbdParams, data: CompressedHistory): number {
  const { r, alpha, a, b } = params;
  const nx = data.xValues.length;
  const base = new Float64Array(nx);
  const drop = new Float64Array(nx);
  const shared = -logGamma(r) + r * Math.log(alpha) + logGamma(a + b) - logGamma(b);
  const logA = Math.log(a);
  for (let k = 0; k < nx; k++) {
    const x = data.xValues[k] ?? 0;
    base[k] = shared + logGamma(r + x) + logGamma(b + x) - logGamma(a + b + x);
    drop[k] = x > 0 ? logA - Math.log(b + x - 1) : Number.NEGATIVE_INFINITY;
  }
  const logTime = new Float64Array(data.times.length);
  for (let k = 0; k < logTime.length; k++) logTime[k] = Math.log(alpha + (data.times[k] ?? 0));

  let total = 0;
  for (let i = 0; i < data.size; i++) {
    const k = data.xIndex[i] ?? 0;
    const rx = r + (data.xValues[k] ?? 0);
    const alive = -rx * (logTime[data.TIndex[i] ?? 0] ?? 0);
    const d = drop[k] ?? Number.NEGATIVE_INFINITY;
    let ll: number;
    if (d === Number.NEGATIVE_INFINITY) ll = alive;
    else {
      const dropped = d - rx * (logTime[data.txIndex[i] ?? 0] ?? 0);
      ll =
        alive > dropped
          ? alive + Math.log1p(Math.exp(dropped - alive))
          : dropped + Math.log1p(Math.exp(alive - dropped));
    }
    total += (data.weight[i] ?? 0) * ((base[k] ?? 0) + ll);
  }
  return total;
}

/**
 * Summed log-likelihood and its gradient with respect to (ln r, ln α, ln a, ln b), for the
 * quasi-Newton fit. Same value as `bgnbdTotalLogLikelihood` (tested, and the gradient is
 * tested against finite differences).
 */
export function bgnbdTotalWithGradient(
  params: BgNbdParams,
  data: CompressedHistory,
): { value: number; gradient: [number, number, number, number] } {
  const { r, alpha, a, b } = params;
  const nx = data.xValues.length;
  const base = new Float64Array(nx);
  const drop = new Float64Array(nx);
  const dBaseR = new Float64Array(nx);
  const dBaseA = new Float64Array(nx);
  const dBaseB = new Float64Array(nx);
  const invB = new Float64Array(nx);
  const shared = -logGamma(r) + r * Math.log(alpha) + logGamma(a + b) - logGamma(b);
  const psiR = digamma(r);
  const psiAB = digamma(a + b);
  const psiB = digamma(b);
  const logA = Math.log(a);
  for (let k = 0; k < nx; k++) {
    const x = data.xValues[k] ?? 0;
    base[k] = shared + logGamma(r + x) + logGamma(b + x) - logGamma(a + b + x);
    drop[k] = x > 0 ? logA - Math.log(b + x - 1) : Number.NEGATIVE_INFINITY;
    const psiABX = digamma(a + b + x);
    dBaseR[k] = digamma(r + x) - psiR + Math.log(alpha);
    dBaseA[k] = psiAB - psiABX;
    dBaseB[k] = psiAB + digamma(b + x) - psiB - psiABX;
    invB[k] = x > 0 ? 1 / (b + x - 1) : 0;
  }
  const m = data.times.length;
  const logTime = new Float64Array(m);
  const invTime = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const v = alpha + (data.times[k] ?? 0);
    logTime[k] = Math.log(v);
    invTime[k] = 1 / v;
  }
  let total = 0;
  let gr = 0;
  let galpha = 0;
  let ga = 0;
  let gb = 0;
  for (let i = 0; i < data.size; i++) {
    const k = data.xIndex[i] ?? 0;
    const w = data.weight[i] ?? 0;
    const rx = r + (data.xValues[k] ?? 0);
    const tI = data.TIndex[i] ?? 0;
    const alive = -rx * (logTime[tI] ?? 0);
    const d = drop[k] ?? Number.NEGATIVE_INFINITY;
    let ll: number;
    // Share of the likelihood from the "still alive" branch (w3) and the "dropped out" branch.
    let wAlive = 1;
    let logTx = 0;
    let invTx = 0;
    if (d === Number.NEGATIVE_INFINITY) ll = alive;
    else {
      const txI = data.txIndex[i] ?? 0;
      logTx = logTime[txI] ?? 0;
      invTx = invTime[txI] ?? 0;
      const dropped = d - rx * logTx;
      if (alive > dropped) {
        const e = Math.exp(dropped - alive);
        ll = alive + Math.log1p(e);
        wAlive = 1 / (1 + e);
      } else {
        const e = Math.exp(alive - dropped);
        ll = dropped + Math.log1p(e);
        wAlive = e / (1 + e);
      }
    }
    const wDrop = 1 - wAlive;
    total += w * ((base[k] ?? 0) + ll);
    gr += w * ((dBaseR[k] ?? 0) - wAlive * (logTime[tI] ?? 0) - wDrop * logTx);
    galpha += w * (r / alpha - rx * (wAlive * (invTime[tI] ?? 0) + wDrop * invTx));
    ga += w * ((dBaseA[k] ?? 0) + wDrop / a);
    gb += w * ((dBaseB[k] ?? 0) - wDrop * (invB[k] ?? 0));
  }
  return { value: total, gradient: [gr * r, galpha * alpha, ga * a, gb * b] };
}

/** Options shared by the fits. */
export interface FitOptions<P> {
  start?: P;
  /**
   * Above this many customers, first fit a stride subsample of this size, then refine on all
   * customers from that optimum: the same maximum, found with a fraction of the full-data
   * evaluations. Default 20,000.
   */
  warmStartSample?: number;
}

/** Every k-th entry of each array, so that about `size` entries remain. */
export function strideSample<K extends string>(
  data: Readonly<Record<K, ArrayLike<number>>>,
  keys: readonly K[],
  size: number,
): Record<K, Float64Array> {
  const first = keys[0];
  const n = first === undefined ? 0 : data[first].length;
  const stride = Math.max(1, Math.floor(n / size));
  const count = Math.ceil(n / stride);
  const out = {} as Record<K, Float64Array>;
  for (const key of keys) {
    const source = data[key];
    const target = new Float64Array(count);
    for (let i = 0, j = 0; i < n; i += stride, j++) target[j] = source[i] ?? 0;
    out[key] = target;
  }
  return out;
}

/**
 * Maximum-likelihood BG/NBD fit: BFGS on the log-parameters with the analytic gradient
 * (Nelder–Mead polishes when BFGS does not converge), warm-started from a subsample fit on large
 * shops (see FitOptions.warmStartSample). Pass `compressed` when you already have it.
 *
 * @example
 * const fit = fitBgNbd({ x: [0, 2, 5], tx: [0, 40, 300], T: [100, 200, 365] });
 */
export function fitBgNbd(
  data: RepeatHistory,
  options: FitOptions<BgNbdParams> & { compressed?: CompressedHistory } = {},
): BgNbdFit {
  const n = data.x.length;
  const sample = options.warmStartSample ?? 20_000;
  let start = options.start;
  let evaluations = 0;
  if (!start && n > 2 * sample) {
    const warm = fitBgNbd(strideSample(data, ["x", "tx", "T"], sample), { warmStartSample: sample });
    start = warm.params;
    evaluations += warm.evaluations;
  }
  const compressed = options.compressed ?? compressHistory(data);
  const weightTotal = compressed.totalWeight || 1;
  if (!start) {
    let meanT = 0;
    for (let i = 0; i < n; i++) meanT += (data.T[i] ?? 0) / weightTotal;
    start = { r: 1, alpha: Math.max(1, meanT / 4), a: 1, b: 2 };
  }
  const toParams = (v: readonly number[]): BgNbdParams => ({
    r: Math.exp(v[0] ?? 0),
    alpha: Math.exp(v[1] ?? 0),
    a: Math.exp(v[2] ?? 0),
    b: Math.exp(v[3] ?? 0),
  });
  const outOfRange = (v: readonly number[]): boolean => v.some((t) => Math.abs(t) > 30);
  const point = [Math.log(start.r), Math.log(start.alpha), Math.log(start.a), Math.log(start.b)];
  let result: MinimizeResult = minimizeBfgs((v) => {
    if (outOfRange(v)) return { value: Number.POSITIVE_INFINITY, gradient: [0, 0, 0, 0] };
    const { value, gradient } = bgnbdTotalWithGradient(toParams(v), compressed);
    return { value: -value / weightTotal, gradient: gradient.map((g) => -g / weightTotal) };
  }, point);
  if (!result.converged) {
    // Rare (flat or degenerate data): polish with the derivative-free simplex.
    const polished = minimizeWithRestarts(
      (v) =>
        outOfRange(v)
          ? Number.POSITIVE_INFINITY
          : -bgnbdTotalLogLikelihood(toParams(v), compressed) / weightTotal,
      result.x,
      { firstStep: 0.3, xTolerance: 1e-6 },
    );
    result = { ...polished, evaluations: polished.evaluations + result.evaluations };
  }
  return {
    params: toParams(result.x),
    logLikelihood: -result.value * weightTotal,
    converged: result.converged,
    evaluations: evaluations + result.evaluations,
  };
}

/**
 * Probability the customer has not dropped out by T (equation 13 of the paper).
 *
 * @example
 * bgnbdProbabilityAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 0, 0, 30) // 1
 */
export function bgnbdProbabilityAlive(params: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logRatio = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logRatio));
}

/**
 * Expected purchases in the next `t` for a customer known to be alive at T after x repeat
 * purchases (the first factor of equation 10 of the paper; it does not depend on tx). The 2F1
 * term is rewritten with Euler's transformation, 2F1(r+x, b+x; a+b+x−1; z) =
 * (1−z)^(a−1−r−x) 2F1(a+b−1−r, a−1; a+b+x−1; z), so no power grows with x, and the (a−1)
 * division is folded into the series, so a → 1 is stable.
 *
 * @example
 * bgnbdExpectedPurchasesIfAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, 2, 38.86)
 */
export function bgnbdExpectedPurchasesIfAlive(params: BgNbdParams, t: number, x: number, T: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = params;
  const z = t / (alpha + T + t);
  const u = a - 1;
  const A = a + b - 1 - r;
  const C = a + b + x - 1;
  // G = Σ_{k≥1} (A)_k (u+1)_{k−1} z^k / ((C)_k k!), so 2F1(A, u; C; z) = 1 + u·G.
  let term = (A / C) * z;
  let G = term;
  for (let k = 1; k < 100_000; k++) {
    term *= (((A + k) * (u + k)) / ((C + k) * (k + 1))) * z;
    G += term;
    if (Math.abs(term) <= 1e-13 * Math.abs(G)) break;
  }
  const L = Math.log1p(-z);
  const first = Math.abs(u) < 1e-12 ? -L : -Math.expm1(u * L) / u;
  return Math.max(0, C * (first - Math.exp(u * L) * G));
}

/**
 * Expected purchases in the next `t` (same unit as tx, T) given a customer's history
 * (equation 10 of the paper): P(alive) × the expectation if alive.
 *
 * @example
 * bgnbdExpectedPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, 2, 30.43, 38.86) // ≈ 1.226
 */
export function bgnbdExpectedPurchases(
  params: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  if (t <= 0) return 0;
  return bgnbdExpectedPurchasesIfAlive(params, t, x, T) * bgnbdProbabilityAlive(params, x, tx, T);
}
