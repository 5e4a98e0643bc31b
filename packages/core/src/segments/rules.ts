/**
 * The eleven common RFM segments, assigned from the recency score R and FM = round((F + M) / 2)
 * on a 5 × 5 grid, so every customer lands in exactly one segment:
 *
 *        FM=1             FM=2                FM=3                FM=4              FM=5
 *   R=5  New              Potential Loyalist  Potential Loyalist  Champions         Champions
 *   R=4  Promising        Potential Loyalist  Loyal               Loyal             Champions
 *   R=3  About to Sleep   About to Sleep      Need Attention      Loyal             Loyal
 *   R=2  Hibernating      Hibernating         At Risk             At Risk           Can't Lose Them
 *   R=1  Lost             Lost                At Risk             Can't Lose Them   Can't Lose Them
 *
 * One override: a customer with a single order and R ≥ 4 is New (R = 5) or Promising (R = 4)
 * whatever their spend, because those segments mean first-time buyers (Klaviyo, Omnisend), and a
 * single large order is not loyalty.
 */

export const SEGMENTS = [
  "champions",
  "loyal",
  "potential_loyalist",
  "new",
  "promising",
  "need_attention",
  "about_to_sleep",
  "at_risk",
  "cant_lose_them",
  "hibernating",
  "lost",
] as const;
export type Segment = (typeof SEGMENTS)[number];

/** Shopify's CustomerRfmGroup enum (Admin GraphQL `customer.statistics.rfmGroup`). */
export type ShopifyRfmGroup =
  | "CHAMPIONS"
  | "LOYAL"
  | "ACTIVE"
  | "NEW"
  | "PROMISING"
  | "NEEDS_ATTENTION"
  | "ALMOST_LOST"
  | "AT_RISK"
  | "PREVIOUSLY_LOYAL"
  | "DORMANT"
  | "PROSPECTS";

/**
 * Our segment → Shopify's nearest RFM group, by Shopify's own descriptions (e.g. "Can't Lose
 * Them" = no recent purchase but a very strong history = PREVIOUSLY_LOYAL). Shopify has one
 * group (DORMANT) for both Hibernating and Lost; PROSPECTS (no order yet) has no RFM segment.
 */
export const SHOPIFY_RFM_GROUP: Readonly<Record<Segment, ShopifyRfmGroup>> = {
  champions: "CHAMPIONS",
  loyal: "LOYAL",
  potential_loyalist: "ACTIVE",
  new: "NEW",
  promising: "PROMISING",
  need_attention: "NEEDS_ATTENTION",
  about_to_sleep: "ALMOST_LOST",
  at_risk: "AT_RISK",
  cant_lose_them: "PREVIOUSLY_LOYAL",
  hibernating: "DORMANT",
  lost: "DORMANT",
};

// GRID[R - 1][FM - 1], as in the table above.
const GRID: readonly (readonly Segment[])[] = [
  ["lost", "lost", "at_risk", "cant_lose_them", "cant_lose_them"],
  ["hibernating", "hibernating", "at_risk", "at_risk", "cant_lose_them"],
  ["about_to_sleep", "about_to_sleep", "need_attention", "loyal", "loyal"],
  ["promising", "potential_loyalist", "loyal", "loyal", "champions"],
  ["new", "potential_loyalist", "potential_loyalist", "champions", "champions"],
];

const clampScore = (s: number): number => Math.min(5, Math.max(1, Math.round(s)));

/**
 * The segment for one customer's scores (each 1–5) and order count.
 *
 * @example
 * segmentFor(5, 5, 4, 12) // "champions"
 * segmentFor(5, 3, 5, 1)  // "new": one order, however large
 */
export function segmentFor(recency: number, frequency: number, monetary: number, orders: number): Segment {
  const r = clampScore(recency);
  if (orders <= 1 && r >= 4) return r === 5 ? "new" : "promising";
  const fm = clampScore(Math.floor((frequency + monetary) / 2 + 0.5));
  return GRID[r - 1]?.[fm - 1] ?? "need_attention";
}

/** Index of each segment in SEGMENTS, for typed-array storage. */
export const SEGMENT_INDEX: Readonly<Record<Segment, number>> = Object.fromEntries(
  SEGMENTS.map((s, i) => [s, i]),
) as Record<Segment, number>;

/**
 * Segments for every customer, as indexes into SEGMENTS.
 *
 * @example
 * const codes = assignSegments(scores, table.orders); SEGMENTS[codes[0]]
 */
export function assignSegments(
  scores: { recency: Uint8Array; frequency: Uint8Array; monetary: Uint8Array },
  orders: ArrayLike<number>,
): Uint8Array {
  const n = scores.recency.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++)
    out[i] =
      SEGMENT_INDEX[
        segmentFor(scores.recency[i] ?? 3, scores.frequency[i] ?? 3, scores.monetary[i] ?? 3, orders[i] ?? 0)
      ];
  return out;
}
