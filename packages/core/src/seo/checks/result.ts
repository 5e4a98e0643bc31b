import type { MessageKey } from "../messages/index.js";

export type Rating = "good" | "ok" | "bad";
export type CheckCategory = "seo" | "readability";

/** One check's verdict. Render `messageKey`/`fixKey` with `formatMessage` in any of the ten languages. */
export interface CheckResult {
  id: string;
  category: CheckCategory;
  rating: Rating;
  /** 0–9, Yoast-compatible: ≥ 8 good, 5–7 ok, ≤ 4 bad. */
  score: number;
  messageKey: MessageKey;
  params: Record<string, string | number>;
  /** How to fix it; absent when the check is good. */
  fixKey?: MessageKey;
  /** Whether `suggestFixes` can fix it from the product's own data. */
  autoFixable: boolean;
}

/**
 * Checks `suggestFixes` can fix from the product's own data (SEO title, meta description, alt
 * texts); the rest need the merchant (new photos, GTINs, rewriting the copy).
 */
export const AUTO_FIXABLE: ReadonlySet<string> = new Set([
  "seoTitleWidth",
  "seoTitleDistinct",
  "keyphraseInSeoTitle",
  "metaDescriptionLength",
  "keyphraseInMetaDescription",
  "imageAlt",
  "keyphraseInImageAlt",
]);

export const SCORE: Readonly<Record<Rating, number>> = { good: 9, ok: 6, bad: 3 };

/** Builds a result; the fix hint is `<id>.fix` unless the check is good. */
export function result(
  id: string,
  category: CheckCategory,
  rating: Rating,
  messageKey: MessageKey,
  params: Record<string, string | number> = {},
  options: { score?: number } = {},
): CheckResult {
  const r: CheckResult = {
    id,
    category,
    rating,
    score: options.score ?? SCORE[rating],
    messageKey,
    params,
    autoFixable: rating !== "good" && AUTO_FIXABLE.has(id),
  };
  if (rating !== "good") r.fixKey = `${id}.fix` as MessageKey;
  return r;
}
