/**
 * Customer lifetime value: BG/NBD (will they buy again, how often) × Gamma-Gamma (how much per
 * order), both fitted by maximum likelihood on the shop's own customers, with whole days as the
 * time unit. When the shop is too small to fit (see THIN_DATA), published parameters are used
 * instead as a prior and the result says so.
 */
import { z } from "zod";
import { parseOrThrow } from "../internal/zod.js";
import {
  bgnbdExpectedPurchasesIfAlive,
  bgnbdProbabilityAlive,
  compressHistory,
  fitBgNbd,
  type BgNbdParams,
  type CompressedHistory,
} from "./bgnbd.js";
import { fitGammaGamma, gammaGammaExpectedValue, type GammaGammaParams } from "./gamma-gamma.js";
import { DAY_MS, type CustomerTable } from "./profiles.js";

/** Below these counts the fit is not attempted: the prior is used. */
export const THIN_DATA = { customers: 50, repeatCustomersBgNbd: 10, repeatCustomersGammaGamma: 20 } as const;

/**
 * The prior for thin data: Fader, Hardie & Lee (2005) CDNOW estimates, α converted from weeks
 * to days (4.414 × 7). For spend, their CDNOW Gamma-Gamma p and q; γ is rescaled per shop so
 * the prior's mean order value pγ/(q − 1) equals the shop's own average order value.
 */
export const PRIOR_BGNBD: Readonly<BgNbdParams> = { r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426 };
export const PRIOR_GAMMA_GAMMA_SHAPE = { p: 6.25, q: 3.74 } as const;

export const valueOptionsSchema = z.object({
  /** CLV horizon in months of 30.4375 days. Default 12. */
  horizonMonths: z.number().int().min(1).max(120).default(12),
  /** Monthly discount rate for future revenue. Default 0.01 (≈ 12.7 % a year). */
  monthlyDiscountRate: z.number().min(0).max(1).default(0.01),
  /** Share of revenue that is profit; 1 gives revenue CLV. Default 1. */
  profitMargin: z.number().gt(0).max(1).default(1),
});
export type ValueOptions = z.input<typeof valueOptionsSchema>;

export interface ModelReport<P> {
  params: P;
  source: "fitted" | "prior";
  /** Why the prior was used, when it was. */
  reason?: string;
  logLikelihood?: number;
  evaluations?: number;
  /** Customers the model was fitted on. */
  customers: number;
}

export interface CustomerValues {
  bgnbd: ModelReport<BgNbdParams>;
  gammaGamma: ModelReport<GammaGammaParams>;
  horizonDays: number;
  /** Probability each customer is still active. */
  pAlive: Float64Array;
  /** Expected orders over the horizon. */
  expectedPurchases: Float64Array;
  /** Expected value of each future order. */
  expectedOrderValue: Float64Array;
  /** Discounted expected revenue (× margin) over the horizon. */
  clv: Float64Array;
}

const MONTH_DAYS = 30.4375;

/** x (repeat orders), tx and T in whole days, and each repeat customer's mean repeat order. */
export function repeatHistory(table: CustomerTable): {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  repeatMean: Float64Array;
} {
  const n = table.size;
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const repeatMean = new Float64Array(n);
  const asOfDay = Math.floor(table.asOf / DAY_MS);
  for (let i = 0; i < n; i++) {
    const orders = table.orders[i] ?? 1;
    const firstDay = Math.floor((table.firstOrderAt[i] ?? 0) / DAY_MS);
    const lastDay = Math.floor((table.lastOrderAt[i] ?? 0) / DAY_MS);
    // Orders up to a day after asOf are accepted (time zones), hence the clamp.
    T[i] = Math.max(0, asOfDay - firstDay);
    tx[i] = Math.min(T[i] ?? 0, Math.max(0, lastDay - firstDay));
    x[i] = orders - 1;
    if (orders > 1)
      repeatMean[i] = ((table.totalSpent[i] ?? 0) - (table.firstOrderValue[i] ?? 0)) / (orders - 1);
  }
  return { x, tx, T, repeatMean };
}

function fitPurchases(
  history: { x: Float64Array; tx: Float64Array; T: Float64Array },
  compressed: CompressedHistory,
): ModelReport<BgNbdParams> {
  const n = history.x.length;
  let repeaters = 0;
  for (let i = 0; i < n; i++) if ((history.x[i] ?? 0) > 0) repeaters++;
  const prior = (reason: string): ModelReport<BgNbdParams> => ({
    params: { ...PRIOR_BGNBD },
    source: "prior",
    reason,
    customers: n,
  });
  if (n < THIN_DATA.customers) return prior(`only ${n} customers (need ${THIN_DATA.customers})`);
  if (repeaters < THIN_DATA.repeatCustomersBgNbd)
    return prior(`only ${repeaters} repeat customers (need ${THIN_DATA.repeatCustomersBgNbd})`);
  const fit = fitBgNbd(history, { compressed });
  const values = Object.values(fit.params);
  if (!fit.converged || values.some((v) => !Number.isFinite(v) || v <= 0 || v > 1e8))
    return prior("the maximum-likelihood fit did not converge");
  return {
    params: fit.params,
    source: "fitted",
    logLikelihood: fit.logLikelihood,
    evaluations: fit.evaluations,
    customers: n,
  };
}

function fitSpend(
  x: Float64Array,
  repeatMean: Float64Array,
  table: CustomerTable,
): ModelReport<GammaGammaParams> {
  const xs: number[] = [];
  const ms: number[] = [];
  let revenue = 0;
  let orders = 0;
  for (let i = 0; i < x.length; i++) {
    revenue += table.totalSpent[i] ?? 0;
    orders += table.orders[i] ?? 0;
    const m = repeatMean[i] ?? 0;
    if ((x[i] ?? 0) > 0 && m > 0) {
      xs.push(x[i] ?? 0);
      ms.push(m);
    }
  }
  const aov = orders > 0 ? revenue / orders : 0;
  const { p, q } = PRIOR_GAMMA_GAMMA_SHAPE;
  const prior = (reason: string): ModelReport<GammaGammaParams> => ({
    params: { p, q, gamma: Math.max(aov, 1e-9) * ((q - 1) / p) },
    source: "prior",
    reason,
    customers: xs.length,
  });
  if (xs.length < THIN_DATA.repeatCustomersGammaGamma)
    return prior(`only ${xs.length} repeat customers (need ${THIN_DATA.repeatCustomersGammaGamma})`);
  const fit = fitGammaGamma({ x: Float64Array.from(xs), m: Float64Array.from(ms) });
  const { params } = fit;
  if (!fit.converged || ![params.p, params.q, params.gamma].every((v) => Number.isFinite(v) && v > 0))
    return prior("the maximum-likelihood fit did not converge");
  // q ≤ 1 means an infinite population mean order value: the data are too heavy-tailed to trust.
  if (params.q <= 1) return prior(`fitted q = ${params.q.toFixed(3)} ≤ 1 (infinite mean spend)`);
  return {
    params,
    source: "fitted",
    logLikelihood: fit.logLikelihood,
    evaluations: fit.evaluations,
    customers: xs.length,
  };
}

/**
 * Fits both models on the table and scores every customer: P(alive), expected orders and order
 * value, and CLV = Σ over months k of (E[orders by month k] − E[orders by month k−1]) ×
 * expected order value × margin / (1 + monthly discount)^k.
 *
 * @example
 * const values = predictCustomerValue(table, { horizonMonths: 12 });
 * values.clv[0]; values.bgnbd.source // "fitted" | "prior"
 */
export function predictCustomerValue(table: CustomerTable, options: ValueOptions = {}): CustomerValues {
  const { horizonMonths, monthlyDiscountRate, profitMargin } = parseOrThrow(
    valueOptionsSchema,
    options,
    "customer value options",
  );
  const history = repeatHistory(table);
  const distinct = compressHistory(history);
  const bgnbd = fitPurchases(history, distinct);
  const gammaGamma = fitSpend(history.x, history.repeatMean, table);
  const n = table.size;
  const pAlive = new Float64Array(n);
  const expectedPurchases = new Float64Array(n);
  const expectedOrderValue = new Float64Array(n);
  const clv = new Float64Array(n);
  const horizonDays = horizonMonths * MONTH_DAYS;
  const discount = Array.from(
    { length: horizonMonths },
    (_, k) => profitMargin / Math.pow(1 + monthlyDiscountRate, k + 1),
  );

  // Customers sharing (x, tx, T) share every prediction: P(alive) per distinct triple, and the
  // expensive part (a 2F1 series per month) per distinct (x, T) pair, far fewer still.
  const params = bgnbd.params;
  const pairOf = new Map<number, number>();
  const pairPurchases: number[] = [];
  const pairDiscounted: number[] = [];
  const tripleAlive = new Float64Array(distinct.size);
  const triplePair = new Uint32Array(distinct.size);
  const timeCount = distinct.times.length;
  for (let k = 0; k < distinct.size; k++) {
    const xi = distinct.xIndex[k] ?? 0;
    const Ti = distinct.TIndex[k] ?? 0;
    const x = distinct.xValues[xi] ?? 0;
    const T = distinct.times[Ti] ?? 0;
    tripleAlive[k] = bgnbdProbabilityAlive(params, x, distinct.times[distinct.txIndex[k] ?? 0] ?? 0, T);
    const key = xi * timeCount + Ti;
    let pair = pairOf.get(key);
    if (pair === undefined) {
      pair = pairPurchases.length;
      pairOf.set(key, pair);
      let previous = 0;
      let discounted = 0;
      for (let month = 1; month <= horizonMonths; month++) {
        const cumulative = bgnbdExpectedPurchasesIfAlive(params, month * MONTH_DAYS, x, T);
        discounted += (cumulative - previous) * (discount[month - 1] ?? 0);
        previous = cumulative;
      }
      pairPurchases.push(previous);
      pairDiscounted.push(discounted);
    }
    triplePair[k] = pair;
  }
  for (let i = 0; i < n; i++) {
    const x = history.x[i] ?? 0;
    const k = distinct.tripleOf[i] ?? 0;
    const pair = triplePair[k] ?? 0;
    const alive = tripleAlive[k] ?? 0;
    pAlive[i] = alive;
    expectedPurchases[i] = alive * (pairPurchases[pair] ?? 0);
    const m = history.repeatMean[i] ?? 0;
    const value = gammaGammaExpectedValue(gammaGamma.params, x > 0 && m > 0 ? x : 0, m);
    expectedOrderValue[i] = value;
    clv[i] = alive * (pairDiscounted[pair] ?? 0) * value;
  }
  return { bgnbd, gammaGamma, horizonDays, pAlive, expectedPurchases, expectedOrderValue, clv };
}
