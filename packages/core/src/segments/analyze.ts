/** The whole segmentation pipeline in one call: scores, segments, predicted value, statistics. */
import { predictCustomerValue, type CustomerValues, type ValueOptions } from "./clv.js";
import type { CustomerTable } from "./profiles.js";
import { rfmScores, type RfmScores } from "./rfm.js";
import { assignSegments } from "./rules.js";
import { segmentStatistics, type SegmentStatistics } from "./stats.js";

export interface CustomerAnalysis {
  table: CustomerTable;
  scores: RfmScores;
  /** Index into SEGMENTS for each customer. */
  segments: Uint8Array;
  values: CustomerValues;
  statistics: SegmentStatistics[];
  shop: { customers: number; orders: number; revenue: number; averageOrderValue: number; currency: string };
}

/**
 * RFM scores, segments, BG/NBD + Gamma-Gamma values and segment statistics for a table.
 *
 * @example
 * const { table } = await buildCustomerTable({ orders, options: { currency: "EUR" } });
 * const analysis = analyzeCustomers(table);
 * analysis.statistics[0]; // champions
 */
export function analyzeCustomers(table: CustomerTable, options: ValueOptions = {}): CustomerAnalysis {
  const scores = rfmScores(table);
  const segments = assignSegments(scores, table.orders);
  const values = predictCustomerValue(table, options);
  let orders = 0;
  let revenue = 0;
  for (let i = 0; i < table.size; i++) {
    orders += table.orders[i] ?? 0;
    revenue += table.totalSpent[i] ?? 0;
  }
  return {
    table,
    scores,
    segments,
    values,
    statistics: segmentStatistics(table, segments, values),
    shop: {
      customers: table.size,
      orders,
      revenue,
      averageOrderValue: orders > 0 ? revenue / orders : 0,
      currency: table.currency,
    },
  };
}
