import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/index.js";
import type { CatalogReport } from "../../src/seo/index.js";

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const EXPORTS = "/work/shared/corpus/shopify-export";

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), isTty: false });
  return { code, out, err };
}

describe("ninjalead audit", () => {
  it("audits a Shopify CSV export, grouping variant and image rows by handle", async () => {
    const { code, out } = await cli("audit", fixture("shopify-export.csv"), "--json", "--currency", "EUR");
    expect(code).toBe(0);
    const report = JSON.parse(out) as CatalogReport;
    expect(report.products).toBe(3);
    expect(report.missingAlt).toEqual({ images: 4, withoutAlt: 1, products: 1 });
    const worst = report.worst[0];
    expect(worst?.id).toBe("2024-new-hot-sale-t-shirt-123456");
    expect(worst?.failing).toEqual(expect.arrayContaining(["importNoise", "sellerContact", "capitals"]));
    // The French product is detected as French and audited with the French profile.
    expect(report.checks.readingEase).toBeDefined();
  });

  it("prints a readable report in the requested language", async () => {
    const { code, out } = await cli("audit", fixture("shopify-export.csv"), "--report-language", "fr");
    expect(code).toBe(0);
    expect(out).toContain("3 produits analysés");
    expect(out).toContain("Produits à améliorer en priorité");
  });

  it("exits 1 when a product is below --min-score, and says how many", async () => {
    const { code, out } = await cli("audit", fixture("shopify-export.csv"), "--min-score", "70");
    expect(code).toBe(1);
    expect(out).toMatch(/product\(s\) below the minimum score 70/);
    expect((await cli("audit", fixture("shopify-export.csv"), "--min-score", "0")).code).toBe(0);
  });

  it("reads Shopify JSON and reports duplicate titles", async () => {
    const { code, out } = await cli("audit", fixture("shopify-products.json"), "--json", "--language", "en");
    expect(code).toBe(0);
    const report = JSON.parse(out) as CatalogReport;
    expect(report.products).toBe(2);
    expect(report.duplicateSeoTitles[0]).toMatchObject({ value: "Linen shirt", count: 2, ids: ["1", "2"] });
    expect(report.nearDuplicateDescriptions).toEqual([]); // under 8 shingles: too short to compare
  });

  it("draws a progress bar on stderr when asked", async () => {
    const { err } = await cli("audit", fixture("shopify-export.csv"), "--progress", "--json");
    expect(err).toContain("100%");
  });

  it("rejects bad usage with exit code 2", async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli("audit")).code).toBe(2);
    expect((await cli("audit", "x.csv", "--min-score", "abc")).err).toContain("--min-score");
    expect((await cli("audit", "x.csv", "--language", "xx")).code).toBe(2);
    expect((await cli("audit", "/nonexistent/file.csv")).err).toContain("not_found");
    expect((await cli("--help")).code).toBe(0);
  });

  it.skipIf(!existsSync(EXPORTS))("audits every real Shopify export in the shared corpus", async () => {
    for (const file of readdirSync(EXPORTS).filter((f) => f.endsWith(".csv"))) {
      const { code, out, err } = await cli("audit", `${EXPORTS}/${file}`, "--json");
      expect([file, code, err]).toEqual([file, 0, ""]);
      const report = JSON.parse(out) as CatalogReport;
      expect(report.products).toBeGreaterThan(0);
      expect(report.invalid).toEqual([]);
    }
  });
});
