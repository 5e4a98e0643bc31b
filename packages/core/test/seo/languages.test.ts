import { describe, expect, it } from "vitest";
import { findCatalogGaps } from "../../src/i18n/index.js";
import {
  auditProduct,
  formatMessage,
  seoMessages,
  type CheckResult,
  type SeoAuditResult,
} from "../../src/seo/index.js";
import { readingEaseWords } from "../../src/seo/analysis.js";
import { languageProfile } from "../../src/seo/languages/index.js";
import { FIXTURES, productFrom } from "./fixtures/languages.js";

const check = (r: SeoAuditResult, id: string): CheckResult | undefined => r.checks.find((c) => c.id === id);

describe("message catalog", () => {
  it("has every key in all ten languages with the same placeholders", () => {
    expect(findCatalogGaps(seoMessages)).toEqual([]);
  });
});

describe.each(FIXTURES)("audit in $language", (f) => {
  const result = auditProduct(productFrom(f));

  it("finds the keyphrase in the title and the introduction", () => {
    expect(check(result, "keyphraseInTitle")?.rating).toBe("good");
    expect(check(result, "keyphraseInIntroduction")?.rating).toBe("good");
  });

  it("counts inflected forms of the keyphrase", () => {
    // intro + inflected sentence + list item: at least 3, the plural/inflected one included.
    expect(result.research.keyphrase?.count).toBeGreaterThanOrEqual(3);
    const withoutInflected = auditProduct(productFrom(f, { descriptionHtml: `<p>${f.inflected}</p>` }));
    expect(withoutInflected.research.keyphrase?.count).toBe(1);
  });

  it("matches a keyphrase typed without accents", () => {
    if (!f.keyphraseWithoutAccents) return;
    const r = auditProduct(productFrom(f, { keyphrase: f.keyphraseWithoutAccents }));
    expect(r.research.keyphrase?.count).toBeGreaterThanOrEqual(1);
  });

  it(`uses the ${f.formula} reading-ease measure`, () => {
    expect(result.research.readingEase?.formula).toBe(f.formula);
    expect(result.research.readingEase?.score).toBeGreaterThanOrEqual(0);
    expect(result.research.readingEase?.score).toBeLessThanOrEqual(100);
    expect(check(result, "readingEase")).toBeDefined();
  });

  it("detects exactly the one passive sentence", () => {
    expect(result.research.passiveSentences).toBe(1);
    const passiveOnly = auditProduct(productFrom(f, { descriptionHtml: `<p>${f.passive}</p>` }));
    expect(passiveOnly.research.passiveSentences).toBe(1);
  });

  it("finds transition words", () => {
    expect(result.research.transitionSentences).toBeGreaterThanOrEqual(1);
  });

  it("flags three sentences in a row with the same beginning", () => {
    expect(check(result, "consecutiveSentences")?.rating).toBe("good");
    const repeated = auditProduct(productFrom(f, { descriptionHtml: `<p>${f.repeatedStarts}</p>` }));
    expect(check(repeated, "consecutiveSentences")?.rating).toBe("bad");
    expect(check(repeated, "consecutiveSentences")?.params.count).toBe(3);
  });

  it("counts syllables with the language's own rules", () => {
    const p = languageProfile(f.language);
    for (const [word, n] of f.syllables) expect([word, p.syllables(word)]).toEqual([word, n]);
  });

  it("renders every message in the language with all placeholders filled", () => {
    for (const c of result.checks) {
      const text = formatMessage(f.language, c.messageKey, c.params);
      expect(text).not.toMatch(/\{\w+\}/);
      if (c.fixKey) expect(formatMessage(f.language, c.fixKey)).not.toBe(c.fixKey);
    }
    if (f.language !== "en") {
      const key = check(result, "textLength")?.messageKey;
      expect(key).toBeDefined();
      if (key)
        expect(formatMessage(f.language, key, { count: 1, min: 2 })).not.toBe(
          formatMessage("en", key, { count: 1, min: 2 }),
        );
    }
  });

  it("gives scores between 0 and 100", () => {
    for (const s of [result.seoScore, result.readabilityScore]) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(100);
    }
    for (const c of result.checks) {
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(9);
    }
  });
});

describe("character-based measures for ja and zh", () => {
  it("measures Japanese and Chinese text length in characters", () => {
    for (const f of FIXTURES.filter((x) => x.language === "ja" || x.language === "zh-CN")) {
      const r = auditProduct(productFrom(f));
      expect(check(r, "textLength")?.messageKey).toMatch(/\.chars$/);
      expect(r.research.characterCount).toBeGreaterThan(100);
    }
  });

  it("scores long Japanese sentences as harder than short ones", () => {
    const short = auditProduct({
      title: "t",
      language: "ja",
      descriptionHtml: "<p>" + "これはいいです。".repeat(20) + "</p>",
    });
    const long = auditProduct({
      title: "t",
      language: "ja",
      descriptionHtml: "<p>" + "高品質天然素材使用特別製法採用高耐久性能実現".repeat(3) + "。</p>",
    });
    expect(short.research.readingEase?.score).toBeGreaterThan(long.research.readingEase?.score ?? 100);
  });
});

describe("words for the reading-ease formulas", () => {
  it("counts written units and symbols as Flesch does, not bare numbers or punctuation", () => {
    expect(readingEaseWords("Machine wash/dry, full-zip.")).toBe(3);
    expect(readingEaseWords("• 67% cotton / 33% hemp")).toBe(6);
    expect(readingEaseWords("Size 42 – 7,5 cm (2024) …")).toBe(2);
    expect(readingEaseWords("Prix : 19 € « net »")).toBe(3);
    expect(readingEaseWords("")).toBe(0);
  });

  it("decodes entities before counting: '&bull;' is a bullet, not the word 'bull'", () => {
    const html = "<p>Soft linen shirt for hot days.</p><p>&bull; Relaxed fit.<br>&bull; Machine wash.</p>";
    const withEntity = auditProduct({ title: "t", language: "en", descriptionHtml: html });
    const withChar = auditProduct({
      title: "t",
      language: "en",
      descriptionHtml: html.replace(/&bull;/g, "•"),
    });
    expect(withEntity.research.syllableCount).toBe(withChar.research.syllableCount);
    expect(withEntity.research.readingEase).toEqual(withChar.research.readingEase);
  });
});
