import { describe, expect, it } from "vitest";
import { auditCatalog, type SeoProductInput } from "../../src/seo/index.js";

const description = (i: number): string =>
  `<p>This linen shirt number ${i} is cut from European flax and sewn in a small workshop. ` +
  "It keeps you cool on hot days and gets softer with every wash. Pair it with shorts or jeans for the weekend.</p>";

function product(i: number, over: Partial<SeoProductInput> = {}): SeoProductInput {
  return {
    id: `p${i}`,
    title: `Shirt ${i}`,
    seoTitle: `Shirt ${i} | Acme`,
    metaDescription: `Meta ${i}`,
    descriptionHtml: `<p>Unique text ${i}: ${"lorem ipsum dolor sit amet ".repeat(3)} variant ${i * 7919} with words ${i * 31} and ${i * 17}.</p>`,
    keyphrase: `shirt ${i}`,
    language: "en",
    images: [{ src: `https://cdn.example/${i}.jpg`, alt: i % 2 === 0 ? `Shirt ${i}` : "" }],
    variants: [{ sku: `S${i}`, price: 10 }],
    ...over,
  };
}

async function* stream(n: number, make: (i: number) => SeoProductInput): AsyncGenerator<SeoProductInput> {
  for (let i = 0; i < n; i++) {
    // A real source (a file, an API page) hands over products asynchronously.
    await Promise.resolve();
    yield make(i);
  }
}

describe("auditCatalog", () => {
  it("finds duplicate titles/meta, near-duplicate descriptions and cannibalised keyphrases", async () => {
    const report = await auditCatalog(
      stream(40, (i) => {
        if (i === 5) return product(i, { seoTitle: "Shirt 1 | Acme", metaDescription: "Meta 1" });
        if (i >= 10 && i < 14)
          return product(i, { descriptionHtml: description(i), keyphrase: "linen shirt" });
        return product(i);
      }),
    );
    expect(report.products).toBe(40);
    expect(report.duplicateSeoTitles).toEqual([{ value: "Shirt 1 | Acme", count: 2, ids: ["p1", "p5"] }]);
    expect(report.duplicateMetaDescriptions).toEqual([{ value: "Meta 1", count: 2, ids: ["p1", "p5"] }]);
    expect(report.nearDuplicateDescriptions).toHaveLength(1);
    expect(report.nearDuplicateDescriptions[0]?.ids.sort()).toEqual(["p10", "p11", "p12", "p13"]);
    expect(report.nearDuplicateDescriptions[0]?.similarity).toBeGreaterThanOrEqual(0.8);
    expect(report.cannibalisation).toEqual([
      { value: "linen shirt", count: 4, ids: ["p10", "p11", "p12", "p13"] },
    ]);
    expect(report.missingAlt).toEqual({ images: 40, withoutAlt: 20, products: 20 });
  });

  it("ranks the worst products first and keeps only `worstLimit` of them", async () => {
    const report = await auditCatalog(
      stream(30, (i) => (i === 17 ? { id: "bad", title: "", language: "en" } : product(i))),
      { worstLimit: 3 },
    );
    expect(report.worst).toHaveLength(3);
    expect(report.worst[0]?.id).toBe("bad");
    const scores = report.worst.map((w) => w.seoScore);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
  });

  it("reports rating shares, per-check tallies and the min-score count", async () => {
    const report = await auditCatalog([product(1), product(2), { id: "empty", title: "x" }], {
      minScore: 60,
    });
    const s = report.ratingShares.seo;
    expect(s.good + s.ok + s.bad).toBeCloseTo(1, 2);
    expect(report.checks.textLength?.bad).toBe(3);
    expect(report.belowMinScore?.ids).toContain("empty");
  });

  it("skips invalid items and names their fields", async () => {
    const report = await auditCatalog([product(1), { title: 5 } as never, product(2)]);
    expect(report.products).toBe(2);
    expect(report.invalid).toEqual([{ index: 1, issues: [expect.stringContaining("title")] }]);
  });

  it("can be aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(auditCatalog(stream(10, product), { signal: controller.signal })).rejects.toMatchObject({
      code: "aborted",
    });
  });

  it("streams 5,000 products without keeping them", async () => {
    let produced = 0;
    const report = await auditCatalog(
      stream(5000, (i) => {
        produced++;
        return product(i);
      }),
      { worstLimit: 5, onProgress: (n) => expect(n).toBeLessThanOrEqual(produced) },
    );
    expect(report.products).toBe(5000);
    expect(report.worst).toHaveLength(5);
  });
});
