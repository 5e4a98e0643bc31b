import { describe, expect, it } from "vitest";
import { findCatalogGaps, LANGUAGES } from "../../src/i18n/index.js";
import {
  assignSegments,
  quintileScores,
  SEGMENT_LABELS,
  segmentFor,
  segmentLabel,
  SEGMENTS,
  SHOPIFY_RFM_GROUP,
  type Segment,
} from "../../src/segments/index.js";

describe("quintile scores", () => {
  it("splits 10 distinct values into pairs 1..5", () => {
    expect(Array.from(quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ]);
    expect(Array.from(quintileScores([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], false))).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ]);
  });

  it("gives tied values the same score, from their mid-rank", () => {
    // Six 1s: mid-rank percentile (0 + 3) / 10 = 0.3 → score 2; the rest follow.
    const scores = Array.from(quintileScores([1, 1, 1, 1, 1, 1, 2, 3, 4, 5]));
    expect(scores).toEqual([2, 2, 2, 2, 2, 2, 4, 4, 5, 5]);
    // Order does not matter.
    expect(Array.from(quintileScores([5, 1, 4, 1, 3, 1, 2, 1, 1, 1]))).toEqual([
      5, 2, 5, 2, 4, 2, 4, 2, 2, 2,
    ]);
  });

  it("small shops: fewer than 5 distinct values spread evenly; one value gives 3", () => {
    expect(Array.from(quintileScores([7, 7, 7]))).toEqual([3, 3, 3]);
    expect(Array.from(quintileScores([1, 2, 1, 1]))).toEqual([1, 5, 1, 1]);
    expect(Array.from(quintileScores([1, 2, 3]))).toEqual([1, 3, 5]);
    expect(Array.from(quintileScores([10, 20, 30, 40]))).toEqual([1, 2, 4, 5]);
    expect(Array.from(quintileScores([]))).toEqual([]);
    expect(Array.from(quintileScores([42]))).toEqual([3]);
  });
});

describe("segment rules", () => {
  // The documented grid, row by row (R = 5 first), FM = 1..5.
  const GRID: Record<number, Segment[]> = {
    5: ["new", "potential_loyalist", "potential_loyalist", "champions", "champions"],
    4: ["promising", "potential_loyalist", "loyal", "loyal", "champions"],
    3: ["about_to_sleep", "about_to_sleep", "need_attention", "loyal", "loyal"],
    2: ["hibernating", "hibernating", "at_risk", "at_risk", "cant_lose_them"],
    1: ["lost", "lost", "at_risk", "cant_lose_them", "cant_lose_them"],
  };

  it("follows the documented R × FM grid and covers all 11 segments", () => {
    const seen = new Set<Segment>();
    for (let r = 1; r <= 5; r++)
      for (let fm = 1; fm <= 5; fm++) {
        const segment = segmentFor(r, fm, fm, 5);
        expect(segment).toBe(GRID[r]?.[fm - 1]);
        seen.add(segment);
      }
    expect([...seen].sort()).toEqual([...SEGMENTS].sort());
  });

  it("rounds FM half up and treats recent one-order customers as new or promising", () => {
    expect(segmentFor(4, 3, 4, 3)).toBe("loyal"); // FM 3.5 → 4
    expect(segmentFor(5, 3, 5, 1)).toBe("new");
    expect(segmentFor(4, 3, 5, 1)).toBe("promising");
    expect(segmentFor(2, 3, 5, 1)).toBe("at_risk"); // the override is only for recent buyers
  });

  it("assigns typed-array segments and maps every segment to a Shopify RFM group", () => {
    const codes = assignSegments(
      { recency: Uint8Array.of(5, 1), frequency: Uint8Array.of(5, 1), monetary: Uint8Array.of(5, 1) },
      [9, 1],
    );
    expect([SEGMENTS[codes[0] ?? 0], SEGMENTS[codes[1] ?? 0]]).toEqual(["champions", "lost"]);
    expect(SHOPIFY_RFM_GROUP.cant_lose_them).toBe("PREVIOUSLY_LOYAL");
    expect(Object.keys(SHOPIFY_RFM_GROUP).sort()).toEqual([...SEGMENTS].sort());
  });

  it("has names and descriptions in all ten languages", () => {
    expect(findCatalogGaps(SEGMENT_LABELS)).toEqual([]);
    for (const language of LANGUAGES)
      expect(segmentLabel("at_risk", language).name.length).toBeGreaterThan(1);
    expect(segmentLabel("at_risk", "fr").name).toBe("À risque");
  });
});
