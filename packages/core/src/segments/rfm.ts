/**
 * RFM scores 1–5 (5 = best) by quintile of the shop's own customers.
 *
 * Ties: customers with the same value always get the same score, from the value's mid-rank
 * percentile: score = 1 + ⌊5 · (customers strictly worse + half the tied customers) / n⌋.
 * Small shops: with fewer than 5 distinct values, quintiles are meaningless, so the distinct
 * values are spread evenly over 1..5 (two values → 1 and 5; one value → 3 for everyone).
 */
import { DAY_MS, type CustomerTable } from "./profiles.js";

/**
 * Scores values 1..5, higher values scoring higher unless `higherIsBetter` is false.
 *
 * @example
 * quintileScores([1, 1, 1, 2, 3, 4, 5, 6, 7, 8]) // the three 1s share one score
 */
export function quintileScores(values: ArrayLike<number>, higherIsBetter = true): Uint8Array {
  const n = values.length;
  const sign = higherIsBetter ? 1 : -1;
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) sorted[i] = sign * (values[i] ?? 0);
  sorted.sort();
  const distinct: number[] = [];
  const below: number[] = [];
  const count: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = sorted[i] ?? 0;
    if (distinct.length === 0 || v !== distinct[distinct.length - 1]) {
      distinct.push(v);
      below.push(i);
      count.push(1);
    } else count[count.length - 1] = (count[count.length - 1] ?? 0) + 1;
  }
  const d = distinct.length;
  const scoreOf = new Uint8Array(d);
  for (let k = 0; k < d; k++) {
    if (d === 1) scoreOf[k] = 3;
    else if (d < 5) scoreOf[k] = 1 + Math.round((4 * k) / (d - 1));
    else scoreOf[k] = Math.min(5, 1 + Math.floor((5 * ((below[k] ?? 0) + (count[k] ?? 0) / 2)) / n));
  }
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = sign * (values[i] ?? 0);
    let lo = 0;
    let hi = d - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((distinct[mid] ?? 0) < v) lo = mid + 1;
      else hi = mid;
    }
    scores[i] = scoreOf[lo] ?? 3;
  }
  return scores;
}

export interface RfmScores {
  /** Whole days since the last order. */
  recencyDays: Float64Array;
  recency: Uint8Array;
  frequency: Uint8Array;
  monetary: Uint8Array;
}

/**
 * Recency (days since last order, fewer is better), frequency (orders) and monetary (net spend)
 * scores for every customer of the table.
 *
 * @example
 * const { recency, frequency, monetary } = rfmScores(table);
 */
export function rfmScores(table: CustomerTable): RfmScores {
  const recencyDays = new Float64Array(table.size);
  for (let i = 0; i < table.size; i++)
    recencyDays[i] = Math.max(0, Math.floor((table.asOf - (table.lastOrderAt[i] ?? 0)) / DAY_MS));
  return {
    recencyDays,
    recency: quintileScores(recencyDays, false),
    frequency: quintileScores(table.orders),
    monetary: quintileScores(table.totalSpent),
  };
}
