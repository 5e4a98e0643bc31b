import type { Language } from "../i18n/index.js";
import { parseOrThrow } from "../internal/zod.js";
import { analyze, type Analysis } from "./analysis.js";
import { imageChecks, handleCheck, productDataChecks, textChecks } from "./checks/content.js";
import { keyphraseChecks, metaDescriptionChecks, seoTitleChecks } from "./checks/keyphrase.js";
import { readabilityChecks } from "./checks/readability.js";
import type { CheckResult } from "./checks/result.js";
import { spamChecks } from "./checks/spam.js";
import { structuredDataCheck } from "./checks/structured.js";
import type { ReadingEase } from "./languages/index.js";
import {
  auditOptionsSchema,
  parseSeoProduct,
  type AuditOptions,
  type SeoProduct,
  type SeoProductInput,
} from "./schema.js";

/** The figures behind the verdicts, for dashboards and debugging. */
export interface SeoResearch {
  wordCount: number;
  /** Content characters (letters, digits, CJK) of the description's text. */
  characterCount: number;
  sentenceCount: number;
  paragraphCount: number;
  subheadingCount: number;
  syllableCount: number;
  averageSentenceLength: number;
  /** Sentences by length (words; characters for ja/zh): ≤10, 11–20, 21–30, >30 (doubled for ja/zh). */
  sentenceLengths: { short: number; medium: number; long: number; veryLong: number };
  readingEase: ReadingEase | null;
  keyphrase: { text: string; count: number; density: number } | null;
  passiveSentences: number;
  transitionSentences: number;
  imageCount: number;
  imagesWithoutAlt: number;
  linkCount: number;
}

export interface SeoAuditResult {
  language: Language;
  /** 0–100, from the SEO checks (Yoast's arithmetic: Σ score / (9 × checks)). */
  seoScore: number;
  /** 0–100, from the readability checks. */
  readabilityScore: number;
  checks: CheckResult[];
  research: SeoResearch;
}

function score(checks: readonly CheckResult[]): number {
  if (checks.length === 0) return 0;
  const total = checks.reduce((sum, c) => sum + Math.max(0, Math.min(9, c.score)), 0);
  return Math.round((total / (9 * checks.length)) * 100);
}

function research(a: Analysis): SeoResearch {
  const sentences = a.sentences.filter((s) => s.wordCount > 0);
  const k = a.profile.cjk ? 2 : 1;
  const lengths = { short: 0, medium: 0, long: 0, veryLong: 0 };
  for (const s of sentences) {
    if (s.length <= 10 * k) lengths.short++;
    else if (s.length <= 20 * k) lengths.medium++;
    else if (s.length <= 30 * k) lengths.long++;
    else lengths.veryLong++;
  }
  const round2 = (n: number): number => Math.round(n * 100) / 100;
  return {
    wordCount: a.wordCount,
    characterCount: a.profile.cjk ? a.chars : a.blocks.reduce((n, b) => n + b.text.length, 0),
    sentenceCount: sentences.length,
    paragraphCount: a.blocks.filter((b) => b.kind !== "heading").length,
    subheadingCount: a.blocks.filter((b) => b.kind === "heading" && b.level >= 2).length,
    syllableCount: a.syllables,
    averageSentenceLength:
      sentences.length === 0 ? 0 : round2(sentences.reduce((n, s) => n + s.length, 0) / sentences.length),
    sentenceLengths: lengths,
    readingEase: a.readingEase ?? null,
    keyphrase: a.keyphrase
      ? {
          text: a.keyphrase.raw,
          count: a.keyphraseCount,
          density: a.wordCount === 0 ? 0 : round2((a.keyphraseCount / a.wordCount) * 100),
        }
      : null,
    passiveSentences: sentences.filter((s) => s.passive).length,
    transitionSentences: sentences.filter((s) => s.transition).length,
    imageCount: a.images.length,
    imagesWithoutAlt: a.images.filter((i) => !i.hasAlt).length,
    linkCount: a.html.linkCount,
  };
}

/** Runs every check on an already validated product. */
export function auditParsedProduct(product: SeoProduct): SeoAuditResult {
  return auditWithAnalysis(product).result;
}

/** The audit and the analysis it was computed from (the catalog audit reuses the tokens). */
export function auditWithAnalysis(product: SeoProduct): { result: SeoAuditResult; analysis: Analysis } {
  const a = analyze(product);
  const seo: CheckResult[] = [
    ...seoTitleChecks(a),
    ...metaDescriptionChecks(a),
    ...keyphraseChecks(a),
    ...textChecks(a),
    ...imageChecks(a),
    handleCheck(a),
    ...productDataChecks(a),
    ...spamChecks(a),
    structuredDataCheck(a),
  ];
  const readability = readabilityChecks(a);
  const result: SeoAuditResult = {
    language: product.language,
    seoScore: score(seo),
    readabilityScore: score(readability),
    checks: [...seo, ...readability],
    research: research(a),
  };
  return { result, analysis: a };
}

/**
 * Audits one product page: SEO and readability checks in the product's language, two 0–100
 * scores and the research figures behind them. Odd content (broken HTML, huge descriptions,
 * emoji, scripts) never throws; a wrongly typed field throws a ValidationError naming it.
 *
 * @example
 * const result = auditProduct({ title: "Linen shirt", descriptionHtml: "<p>…</p>", keyphrase: "linen shirt", language: "en" });
 * result.seoScore; // 0–100
 */
export function auditProduct(product: SeoProductInput, options: AuditOptions = {}): SeoAuditResult {
  const opts = parseOrThrow(auditOptionsSchema, options, "audit options") ?? {};
  const parsed = parseSeoProduct(product);
  if (opts.language) parsed.language = opts.language;
  return auditParsedProduct(parsed);
}
