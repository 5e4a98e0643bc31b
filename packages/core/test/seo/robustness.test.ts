import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../src/i18n/index.js";
import { isValidationErrorLike } from "./helpers.js";
import { auditProduct, type SeoAuditResult } from "../../src/seo/index.js";

const nasty: Record<string, string> = {
  unclosed: "<p>Soft <b>cotton <i>shirt<p>Second <div>para <span>never closed",
  strayClosers: "</div></p></li><p>Text</p></ul></table>",
  brokenEntities: "<p>&amp &lt;&gt &#xZZ; &#99999999; &nbsp;Café</p>",
  scriptsAndStyles:
    "<style>p{color:red}</style><script>alert('x'); document.write('<p>fake text</p>')</script><p>Real text only.</p><noscript>hidden</noscript>",
  emoji: "<p>🔥🔥 Best 👕 shirt ever 😍😍😍 👨‍👩‍👧‍👦 🇫🇷</p>",
  rtl: "<p dir='rtl'>هذا قميص من الكتان. مريح جدا.</p><p>שמלה יפה מאוד.</p>",
  mixedLanguages: "<p>Linen shirt. Chemise en lin. 亚麻衬衫。リネンシャツ。Lniana koszula.</p>",
  onlyTags: "<p></p><div><span></span></div><p>&nbsp;</p>",
  attributes:
    "<p style='color:red' onclick='x()'>Styled</p><font size=7>Big</font><img src=x onerror=alert(1)>",
  deepNesting: "<div>".repeat(5000) + "deep text" + "</div>".repeat(5000),
  nullBytes: "<p>a\u0000b\u0000c</p>",
  longWord: `<p>${"a".repeat(100_000)}</p>`,
};

function assertSane(r: SeoAuditResult): void {
  expect(r.seoScore).toBeGreaterThanOrEqual(0);
  expect(r.seoScore).toBeLessThanOrEqual(100);
  expect(r.readabilityScore).toBeGreaterThanOrEqual(0);
  expect(r.readabilityScore).toBeLessThanOrEqual(100);
  expect(r.checks.length).toBeGreaterThan(10);
  expect(Number.isFinite(r.research.averageSentenceLength)).toBe(true);
}

describe("nasty inputs never throw", () => {
  for (const [name, html] of Object.entries(nasty)) {
    it.each(LANGUAGES)(`${name} (%s)`, (language) => {
      const r = auditProduct({ title: "Shirt 👕", descriptionHtml: html, keyphrase: "shirt", language });
      assertSane(r);
    });
  }

  it("ignores text inside <script>, <style> and <noscript> and flags the blocks", () => {
    const r = auditProduct({ title: "x", descriptionHtml: nasty.scriptsAndStyles ?? "", language: "en" });
    expect(r.research.wordCount).toBe(3);
    expect(r.checks.find((c) => c.id === "htmlHygiene")?.messageKey).toBe("htmlHygiene.scripts");
  });

  it("handles a 1 MB description within a second or two", () => {
    const paragraph =
      "<p>This linen shirt is soft and light. It was made in Portugal. Moreover, it dries fast.</p>";
    const html = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length));
    expect(html.length).toBeGreaterThanOrEqual(1_000_000);
    const started = performance.now();
    const r = auditProduct({
      title: "Linen shirt",
      descriptionHtml: html,
      keyphrase: "linen shirt",
      language: "en",
    });
    expect(performance.now() - started).toBeLessThan(5000);
    assertSane(r);
    expect(r.research.wordCount).toBeGreaterThan(100_000);
    // One "linen shirt" every 16 words: 6 %, far too dense, and the audit still says so.
    expect(r.checks.find((c) => c.id === "keyphraseDensity")?.messageKey).toBe("keyphraseDensity.tooHigh");
  });

  it("treats empty and null fields as missing, not as errors", () => {
    const r = auditProduct({
      title: "",
      descriptionHtml: null,
      handle: null,
      seoTitle: null,
      metaDescription: null,
      images: null,
      variants: null,
      tags: null,
      language: null,
    });
    assertSane(r);
    expect(r.language).toBe("en");
    expect(r.checks.find((c) => c.id === "seoTitle")?.rating).toBe("bad");
    expect(r.checks.find((c) => c.id === "keyphrase")?.rating).toBe("bad");
    expect(r.checks.find((c) => c.id === "textPresence")?.rating).toBe("bad");
  });

  it("rejects wrongly typed fields with a ValidationError naming each field", () => {
    try {
      auditProduct({ title: 42, variants: [{ price: "abc" }], images: "x" } as never);
      expect.unreachable();
    } catch (error) {
      expect(isValidationErrorLike(error)).toBe(true);
      const paths = (error as { issues: { path: string }[] }).issues.map((i) => i.path).sort();
      expect(paths).toEqual(["images", "title", "variants.0.price"]);
    }
  });

  it("maps unknown locales to a supported language", () => {
    expect(auditProduct({ title: "x", language: "pt-PT" }).language).toBe("pt-BR");
    expect(auditProduct({ title: "x", language: "zh-Hans" }).language).toBe("zh-CN");
    expect(auditProduct({ title: "x", language: "xx" }).language).toBe("en");
    expect(auditProduct({ title: "x", language: "en" }, { language: "de" }).language).toBe("de");
  });
});
