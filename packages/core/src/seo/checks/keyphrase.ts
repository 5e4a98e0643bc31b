import type { AnalyzedBlock, AnalyzedSentence, Analysis } from "../analysis.js";
import { matchAny, matchCjk, matchStems, matchText, type Keyphrase, type PhraseMatch } from "../keyphrase.js";
import { MAX_TITLE_PX, titleWidthPx } from "../pixel-width.js";
import { countContentChars } from "../text.js";
import { result, type CheckResult } from "./result.js";

/** The SEO title search engines show: the SEO title field, or Shopify's default, the product title. */
export function effectiveSeoTitle(a: Analysis): string {
  return (a.product.seoTitle.trim() || a.product.title).trim();
}

export function seoTitleChecks(a: Analysis): CheckResult[] {
  const out: CheckResult[] = [];
  const title = effectiveSeoTitle(a);
  const ownSeoTitle = a.product.seoTitle.trim();
  if (title === "") {
    out.push(result("seoTitle", "seo", "bad", "seoTitle.missing", {}, { score: 1 }));
    return out;
  }
  const px = titleWidthPx(title);
  const chars = [...title].length;
  if (px > MAX_TITLE_PX)
    out.push(
      result("seoTitleWidth", "seo", "bad", "seoTitleWidth.tooLong", { px, chars, max: MAX_TITLE_PX }),
    );
  else if (px < 200) out.push(result("seoTitleWidth", "seo", "ok", "seoTitleWidth.short", { px, chars }));
  else out.push(result("seoTitleWidth", "seo", "good", "seoTitleWidth.good", { px, chars }));

  // Shopify falls back to the product title; that is fine unless the product title is long.
  const copiesTitle = ownSeoTitle === "" || ownSeoTitle === a.product.title.trim();
  if (copiesTitle && titleWidthPx(a.product.title) > MAX_TITLE_PX) {
    out.push(
      result("seoTitleDistinct", "seo", "bad", "seoTitleDistinct.copiesLongTitle", {
        px: titleWidthPx(a.product.title),
      }),
    );
  } else if (ownSeoTitle === "") {
    out.push(result("seoTitleDistinct", "seo", "ok", "seoTitleDistinct.default", {}));
  } else {
    out.push(result("seoTitleDistinct", "seo", "good", "seoTitleDistinct.good"));
  }

  if (a.keyphrases.length > 0) {
    const m = matchAny(a.keyphrases, title, a.profile);
    if (m.exact && m.position === 0)
      out.push(result("keyphraseInSeoTitle", "seo", "good", "keyphraseInSeoTitle.start"));
    else if (m.exact || m.allWords)
      out.push(result("keyphraseInSeoTitle", "seo", "ok", "keyphraseInSeoTitle.notStart", {}));
    else
      out.push(
        result(
          "keyphraseInSeoTitle",
          "seo",
          "bad",
          "keyphraseInSeoTitle.missing",
          { keyphrase: a.keyphrases[0]?.raw ?? "" },
          { score: 2 },
        ),
      );
  }
  return out;
}

export function metaDescriptionChecks(a: Analysis): CheckResult[] {
  const out: CheckResult[] = [];
  const meta = a.product.metaDescription.trim();
  const length = a.profile.cjk ? countContentChars(meta) : [...meta].length;
  // Yoast's boundaries (121–156 characters) so both tools agree; ja/zh show about half as many.
  const [min, max] = a.profile.cjk ? [60, 80] : [120, 156];
  if (length === 0)
    out.push(
      result("metaDescriptionLength", "seo", "bad", "metaDescriptionLength.missing", {}, { score: 1 }),
    );
  else if (length <= min)
    out.push(
      result("metaDescriptionLength", "seo", "ok", "metaDescriptionLength.short", { length, min, max }),
    );
  else if (length > max)
    out.push(
      result("metaDescriptionLength", "seo", "ok", "metaDescriptionLength.long", { length, min, max }),
    );
  else out.push(result("metaDescriptionLength", "seo", "good", "metaDescriptionLength.good", { length }));

  if (a.keyphrases.length > 0 && length > 0) {
    let best = 0;
    for (const kp of a.keyphrases) best = Math.max(best, matchText(kp, meta, a.profile).count);
    if (best === 0)
      out.push(result("keyphraseInMetaDescription", "seo", "bad", "keyphraseInMetaDescription.missing", {}));
    else if (best <= 2)
      out.push(
        result("keyphraseInMetaDescription", "seo", "good", "keyphraseInMetaDescription.good", {
          count: best,
        }),
      );
    else
      out.push(
        result("keyphraseInMetaDescription", "seo", "bad", "keyphraseInMetaDescription.tooOften", {
          count: best,
        }),
      );
  }
  return out;
}

/** Keyphrase placement and density: everything that needs a focus keyphrase. */
export function keyphraseChecks(a: Analysis): CheckResult[] {
  const kp = a.keyphrase;
  if (!kp) return [result("keyphrase", "seo", "bad", "keyphrase.missing", {}, { score: 1 })];
  const out: CheckResult[] = [];
  const p = a.profile;

  const contentWords = kp.contentStems.length;
  if (contentWords === 0)
    out.push(
      result(
        "keyphraseFunctionWords",
        "seo",
        "bad",
        "keyphraseFunctionWords.bad",
        { keyphrase: kp.raw },
        { score: 0 },
      ),
    );

  if (kp.cjk) {
    const chars = countContentChars(kp.raw);
    if (chars > 20) out.push(result("keyphraseLength", "seo", "ok", "keyphraseLength.longChars", { chars }));
    else out.push(result("keyphraseLength", "seo", "good", "keyphraseLength.good", { words: kp.wordCount }));
  } else if (kp.wordCount > 8)
    out.push(result("keyphraseLength", "seo", "bad", "keyphraseLength.tooLong", { words: kp.wordCount }));
  else if (kp.wordCount > 6)
    out.push(result("keyphraseLength", "seo", "ok", "keyphraseLength.long", { words: kp.wordCount }));
  else out.push(result("keyphraseLength", "seo", "good", "keyphraseLength.good", { words: kp.wordCount }));

  const inTitle = matchAny(a.keyphrases, a.product.title, p);
  if (inTitle.exact) out.push(result("keyphraseInTitle", "seo", "good", "keyphraseInTitle.good"));
  else if (inTitle.allWords) out.push(result("keyphraseInTitle", "seo", "ok", "keyphraseInTitle.partial"));
  else out.push(result("keyphraseInTitle", "seo", "bad", "keyphraseInTitle.missing", { keyphrase: kp.raw }));

  // Introduction: the first paragraph of body text (headings skipped).
  const intro = a.blocks.find((b) => b.kind !== "heading");
  if (intro) {
    // The sentences are already stemmed: match on their stems instead of re-tokenising.
    const inSentence = intro.sentences.some((s) => a.keyphrases.some((k) => matchSentence(k, s).allWords));
    const inParagraph = a.keyphrases.some((k) => matchBlock(k, intro).allWords);
    if (inSentence)
      out.push(result("keyphraseInIntroduction", "seo", "good", "keyphraseInIntroduction.good"));
    else if (inParagraph)
      out.push(result("keyphraseInIntroduction", "seo", "ok", "keyphraseInIntroduction.scattered"));
    else out.push(result("keyphraseInIntroduction", "seo", "bad", "keyphraseInIntroduction.missing", {}));
  }

  if (a.product.handle.trim() !== "") {
    const handleText = a.product.handle.replace(/[-_]+/g, " ");
    const m = matchAny(a.keyphrases, kp.cjk ? a.product.handle : handleText, p);
    if (m.allWords) out.push(result("keyphraseInHandle", "seo", "good", "keyphraseInHandle.good"));
    // Non-Latin keyphrases rarely appear in Latin handles: only a nudge there.
    else out.push(result("keyphraseInHandle", "seo", kp.cjk ? "ok" : "bad", "keyphraseInHandle.missing", {}));
  }

  // Image alt texts (Yoast: any image alt with the keyphrase is good; alts without it are ok).
  const withAlt = a.images.filter((i) => i.hasAlt);
  if (a.images.length === 0)
    out.push(result("keyphraseInImageAlt", "seo", "bad", "keyphraseInImageAlt.noImages"));
  else {
    const hits = withAlt.filter((i) => matchAny(a.keyphrases, i.alt, p).allWords).length;
    if (hits > 0)
      out.push(
        result("keyphraseInImageAlt", "seo", "good", "keyphraseInImageAlt.good", {
          count: hits,
          total: a.images.length,
        }),
      );
    else
      out.push(
        result(
          "keyphraseInImageAlt",
          "seo",
          "ok",
          withAlt.length > 0 ? "keyphraseInImageAlt.missing" : "keyphraseInImageAlt.noAlt",
          {},
        ),
      );
  }

  const subheadings = a.blocks.filter((b) => b.kind === "heading" && b.level >= 2);
  if (subheadings.length > 0) {
    const hits = subheadings.filter((h) => a.keyphrases.some((k) => matchBlock(k, h).allWords)).length;
    const share = hits / subheadings.length;
    if (hits === 0)
      out.push(
        result("keyphraseInSubheading", "seo", "bad", "keyphraseInSubheading.missing", {
          total: subheadings.length,
        }),
      );
    else if (share > 0.75 && subheadings.length > 1)
      out.push(
        result("keyphraseInSubheading", "seo", "ok", "keyphraseInSubheading.tooMany", {
          count: hits,
          total: subheadings.length,
        }),
      );
    else
      out.push(
        result("keyphraseInSubheading", "seo", "good", "keyphraseInSubheading.good", {
          count: hits,
          total: subheadings.length,
        }),
      );
  }

  out.push(densityCheck(a));
  return out;
}

/**
 * Density with Yoast's arithmetic, so both tools agree: very short texts need 1–2 occurrences;
 * otherwise density × (0.7 + keyphrase words / 3) must be 0.5–3 %, long keyphrases needing fewer
 * repetitions. Word forms (plural, accents) count as matches.
 */
function densityCheck(a: Analysis): CheckResult {
  const kp = a.keyphrase;
  const count = a.keyphraseCount;
  const words = a.wordCount;
  const density = words === 0 ? 0 : (count / words) * 100;
  const params = { count, density: Math.round(density * 100) / 100, words };
  if (!kp || words === 0)
    return result("keyphraseDensity", "seo", "bad", "keyphraseDensity.none", params, { score: 0 });
  if (words < 100) {
    const max = words > 50 ? 2 : 1;
    if (count === 0)
      return result("keyphraseDensity", "seo", "bad", "keyphraseDensity.none", params, { score: 4 });
    if (count <= max) return result("keyphraseDensity", "seo", "good", "keyphraseDensity.good", params);
    return result("keyphraseDensity", "seo", "bad", "keyphraseDensity.tooHigh", params, {
      score: count === max + 1 ? 1 : 0,
    });
  }
  const length = Math.max(1, kp.contentStems.length || kp.wordCount);
  const factor = 0.7 + length / 3;
  const adjusted = density * factor;
  const minCount = Math.max(2, Math.ceil((0.5 * words) / (100 * factor)));
  if (count === 0)
    return result("keyphraseDensity", "seo", "bad", "keyphraseDensity.none", params, { score: 4 });
  if ((adjusted >= 0.5 && adjusted <= 3) || (count === 2 && minCount <= 2))
    return result("keyphraseDensity", "seo", "good", "keyphraseDensity.good", params);
  if (adjusted < 0.5 || count === 1)
    return result("keyphraseDensity", "seo", "bad", "keyphraseDensity.tooLow", params, { score: 4 });
  return result("keyphraseDensity", "seo", "bad", "keyphraseDensity.tooHigh", params, {
    score: adjusted <= 4 ? 1 : 0,
  });
}

function matchSentence(kp: Keyphrase, s: AnalyzedSentence): PhraseMatch {
  return kp.cjk ? matchCjk(kp, s.text) : matchStems(kp, s.stems, s.functionFlags);
}

function matchBlock(kp: Keyphrase, b: AnalyzedBlock): PhraseMatch {
  if (kp.cjk) return matchCjk(kp, b.text);
  return matchStems(
    kp,
    b.sentences.flatMap((s) => s.stems),
    b.sentences.flatMap((s) => s.functionFlags),
  );
}
