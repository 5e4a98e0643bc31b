import { z } from "zod";
import { defineTask, offlineText, type AIEngine, type ProviderName } from "../ai/index.js";
import { isNinjaLeadError } from "../errors/index.js";
import { LANGUAGES, LANGUAGE_NAMES, type Language } from "../i18n/index.js";
import { parseOrThrow } from "../internal/zod.js";
import { auditParsedProduct, type SeoAuditResult } from "./audit.js";
import { isMeaningfulAlt } from "./checks/content.js";
import type { CheckResult } from "./checks/result.js";
import { parseProductHtml } from "./html.js";
import { matchText, prepareKeyphrase } from "./keyphrase.js";
import { languageProfile } from "./languages/index.js";
import { MAX_TITLE_PX, titleWidthPx } from "./pixel-width.js";
import {
  blocksOf,
  descriptionBlockSchema,
  descriptionViolations,
  offlineDescription,
  renderDescription,
  type DescriptionBlock,
} from "./rewrite.js";
import { parseSeoProduct, type SeoProduct, type SeoProductInput } from "./schema.js";
import { countContentChars, fold, latinWords, splitSentences } from "./text.js";

/** Limits every suggestion must meet, whoever wrote it (model or offline generator). */
const LIMITS = {
  seoTitleMaxChars: 60,
  metaMin: { latin: 121, cjk: 60 },
  metaMax: { latin: 156, cjk: 80 },
  altMaxChars: 125,
};

/** What the task sees: only facts taken from the product. */
export interface FixInput {
  title: string;
  keyphrase: string;
  vendor: string;
  productType: string;
  tags: string[];
  /** Plain text of the description, truncated. */
  facts: string;
  prices: string[];
  /** The description's blocks, when a rewritten description is requested. */
  blocks?: DescriptionBlock[];
  needs: { seoTitle: boolean; metaDescription: boolean; altIndexes: number[]; description?: boolean };
}

const fixOutputSchema = z.object({
  seoTitle: z.string().nullable(),
  metaDescription: z.string().nullable(),
  altTexts: z.array(z.object({ index: z.number().int().min(0), alt: z.string() })),
  /** The rewritten description as plain-text blocks (we render the HTML); null if not requested. */
  description: z.array(descriptionBlockSchema).nullable(),
});
export type FixOutput = z.output<typeof fixOutputSchema>;

const isCjk = (language: Language): boolean => language === "ja" || language === "zh-CN";
const textLength = (text: string, language: Language): number =>
  isCjk(language) ? countContentChars(text) : [...text].length;

/** Every fact string the output may draw numbers and brand-like tokens from. */
function factText(input: FixInput): string {
  return [
    input.title,
    input.keyphrase,
    input.vendor,
    input.productType,
    ...input.tags,
    input.facts,
    ...input.prices,
  ].join(" ");
}

/** Numbers and brand-like tokens (ALLCAPS, CamelCase, ™/®) that the facts do not contain. */
export function inventedTokens(output: string, facts: string): string[] {
  const known = new Set(latinWords(facts).map(fold));
  const knownDigits = new Set((facts.match(/\d+(?:[.,]\d+)?/g) ?? []).map((n) => n.replace(",", ".")));
  const invented: string[] = [];
  for (const n of output.match(/\d+(?:[.,]\d+)?/g) ?? [])
    if (!knownDigits.has(n.replace(",", "."))) invented.push(n);
  for (const w of latinWords(output)) {
    const brandLike = /^\p{Lu}{2,}$/u.test(w) || /\p{Ll}\p{Lu}/u.test(w);
    if (brandLike && !known.has(fold(w))) invented.push(w);
  }
  if (/[™®]/.test(output) && !/[™®]/.test(facts)) invented.push("™/®");
  return [...new Set(invented)];
}

function containsKeyphrase(text: string, input: FixInput, language: Language): boolean {
  const profile = languageProfile(language);
  const kp = prepareKeyphrase(input.keyphrase, profile);
  return kp ? matchText(kp, text, profile).allWords : true;
}

/** The limits, as a list of violations (empty = acceptable). Shared by the AI check and tests. */
export function fixViolations(out: FixOutput, input: FixInput, language: Language): string[] {
  const problems: string[] = [];
  const facts = factText(input);
  const kind = isCjk(language) ? "cjk" : "latin";
  if (input.needs.seoTitle) {
    const t = out.seoTitle ?? "";
    if (t.trim() === "") problems.push("seoTitle is required");
    if ([...t].length > LIMITS.seoTitleMaxChars)
      problems.push(`seoTitle has ${[...t].length} characters; max ${LIMITS.seoTitleMaxChars}`);
    if (titleWidthPx(t) > MAX_TITLE_PX)
      problems.push(`seoTitle is ${titleWidthPx(t)} px wide; max ${MAX_TITLE_PX}`);
    if (!containsKeyphrase(t, input, language))
      problems.push(`seoTitle must contain the keyphrase "${input.keyphrase}"`);
    const invented = inventedTokens(t, facts);
    if (invented.length > 0) problems.push(`seoTitle uses facts not in the product: ${invented.join(", ")}`);
  }
  if (input.needs.metaDescription) {
    const m = out.metaDescription ?? "";
    const length = textLength(m, language);
    // The minimum applies only when the product has enough facts to say that much.
    const min = textLength(facts, language) >= LIMITS.metaMin[kind] * 2 ? LIMITS.metaMin[kind] : 1;
    if (length < min) problems.push(`metaDescription has ${length} characters; min ${min}`);
    if (length > LIMITS.metaMax[kind])
      problems.push(`metaDescription has ${length} characters; max ${LIMITS.metaMax[kind]}`);
    if (!containsKeyphrase(m, input, language))
      problems.push(`metaDescription must contain the keyphrase "${input.keyphrase}"`);
    const invented = inventedTokens(m, facts);
    if (invented.length > 0)
      problems.push(`metaDescription uses facts not in the product: ${invented.join(", ")}`);
  }
  const seen = new Set<string>();
  for (const index of input.needs.altIndexes) {
    const alt = out.altTexts.find((a) => a.index === index)?.alt ?? "";
    if (!isMeaningfulAlt(alt)) problems.push(`altTexts[${index}] must describe the image`);
    if ([...alt].length > LIMITS.altMaxChars)
      problems.push(`altTexts[${index}] has ${[...alt].length} characters; max ${LIMITS.altMaxChars}`);
    if (seen.has(alt.toLowerCase())) problems.push(`altTexts[${index}] repeats another alt text`);
    seen.add(alt.toLowerCase());
    const invented = inventedTokens(alt, facts);
    if (invented.length > 0)
      problems.push(`altTexts[${index}] uses facts not in the product: ${invented.join(", ")}`);
  }
  if (input.needs.description) {
    const blocks = out.description ?? null;
    problems.push(...descriptionViolations(blocks, input.blocks ?? [], input.keyphrase, language));
    const invented = inventedTokens((blocks ?? []).map((b) => b.text).join("\n"), facts);
    if (invented.length > 0)
      problems.push(`description uses facts not in the product: ${invented.join(", ")}`);
  }
  return problems;
}

const capitalise = (s: string): string => (s === "" ? s : `${s.charAt(0).toUpperCase()}${s.slice(1)}`);
const fits = (t: string): boolean =>
  [...t].length <= LIMITS.seoTitleMaxChars && titleWidthPx(t) <= MAX_TITLE_PX;

/** Offline SEO title: the product title (+ brand) when it holds the keyphrase, else keyphrase first. */
function offlineSeoTitle(input: FixInput, language: Language): string {
  const kp = capitalise(input.keyphrase.trim());
  const title = input.title.trim();
  const brand = input.vendor.trim();
  const withBrand = (t: string): string[] =>
    brand && !fold(t).includes(fold(brand)) ? [`${t} | ${brand}`, t] : [t];
  const hasKp = kp === "" || containsKeyphrase(title, input, language);
  const candidates = [
    ...(hasKp ? withBrand(title) : withBrand(`${kp} – ${title}`)),
    ...(kp ? withBrand(kp) : []),
  ].filter((c) => c.trim() !== "");
  for (const c of candidates) if (fits(c)) return c;
  let t = offlineText.truncate(candidates[0] ?? title, LIMITS.seoTitleMaxChars);
  while (!fits(t) && t.length > 10) t = offlineText.truncate(t, [...t].length - 5);
  return isCjk(language) ? t.replace(/\s+/g, "") : t;
}

/** Offline meta description: keyphrase + the description's own sentences, cut to the limit. */
function offlineMeta(input: FixInput, language: Language): string {
  const kind = isCjk(language) ? "cjk" : "latin";
  const [min, max] = [LIMITS.metaMin[kind], LIMITS.metaMax[kind]];
  const sentences = splitSentences(input.facts).filter((s) => s.length > 0);
  const kp = capitalise(input.keyphrase.trim());
  const first = sentences.find((s) => containsKeyphrase(s, input, language));
  let meta =
    first ?? (kp ? offlineText.phrase(language, "intro", { title: kp, summary: input.title }) : input.title);
  const sep = isCjk(language) ? "" : " ";
  const rest = sentences.filter((s) => s !== first);
  // Whole sentences first, skipping any that would overflow; then, if still short, a cut one.
  for (const s of rest) {
    if (textLength(meta, language) >= min) break;
    if (textLength(`${meta}${sep}${s}`, language) <= max) meta = `${meta}${sep}${s}`;
  }
  if (textLength(meta, language) < min && input.vendor && !meta.includes(input.vendor))
    meta = `${meta}${sep}${input.vendor}.`;
  const filler = rest.find((s) => !meta.includes(s));
  if (textLength(meta, language) < min && filler)
    meta = `${offlineText.truncate(`${meta}${sep}${filler}`, max - 1)}…`;
  return offlineText.truncate(meta, max);
}

/** Offline alt texts: the first names the keyphrase; the others add a distinct fact each. */
function offlineAlts(input: FixInput, language: Language): string[] {
  const base =
    input.keyphrase && !containsKeyphrase(input.title, input, language)
      ? `${capitalise(input.keyphrase)} – ${input.title}`
      : input.title;
  const details = [
    input.productType,
    input.vendor,
    ...input.tags,
    ...splitSentences(input.facts).map((s) => offlineText.summarize(s, 60)),
  ]
    .map((d) => d.trim())
    // Numbers (sizes, quantities) rarely say what a photo shows: leave them to the description.
    .filter((d, i, all) => d !== "" && all.indexOf(d) === i && !/\d/.test(d));
  return input.needs.altIndexes.map((_, position) => {
    if (position === 0)
      return offlineText.truncate(
        offlineText.phrase(language, "altText", { title: base }),
        LIMITS.altMaxChars,
      );
    const detail = details[(position - 1) % Math.max(1, details.length)] ?? input.title;
    return offlineText.truncate(`${input.title} – ${detail}`, LIMITS.altMaxChars);
  });
}

export const seoFixTask = defineTask({
  name: "seo.fixes.v1",
  schema: fixOutputSchema,
  promptTokenBudget: 1_600,
  prompt: (input: FixInput, ctx) => ({
    system: [
      `You improve the SEO fields of one Shopify product page. Write in ${LANGUAGE_NAMES[ctx.language]} (${ctx.language}).`,
      "Use ONLY facts from the product data below: no numbers, materials, brands or claims that are not in it.",
      `seoTitle: at most ${LIMITS.seoTitleMaxChars} characters, starts with the keyphrase. null if not requested.`,
      `metaDescription: ${isCjk(ctx.language) ? "60–80" : "121–156"} characters, contains the keyphrase once, states the main benefit. null if not requested.`,
      `altTexts: for each requested image index, a short description (max ${LIMITS.altMaxChars} characters) of what the photo shows; the first one contains the keyphrase; never repeat the same text.`,
      "description: if requested, the product description rewritten as blocks {kind: paragraph|heading|listItem, text} of plain text (no HTML): open with a paragraph whose first sentence contains the keyphrase, paragraphs of at most 3 short sentences, about as long as the original, every fact from the original kept, nothing added. null if not requested.",
      "Answer with JSON only.",
    ].join("\n"),
    user: [
      `Keyphrase: ${input.keyphrase}`,
      `Title: ${input.title}`,
      `Brand: ${input.vendor}`,
      `Type: ${input.productType}`,
      `Tags: ${input.tags.join(", ")}`,
      `Prices: ${input.prices.join(", ")}`,
      `Requested: seoTitle=${input.needs.seoTitle}, metaDescription=${input.needs.metaDescription}, altTexts for images ${JSON.stringify(input.needs.altIndexes)}, description=${input.needs.description === true}`,
      `Description:\n${offlineText.truncate(input.facts, 2_000)}`,
    ].join("\n"),
    maxOutputTokens: input.needs.description ? 2_400 : 600,
  }),
  offline: (input, ctx) => ({
    seoTitle: input.needs.seoTitle ? offlineSeoTitle(input, ctx.language) : null,
    metaDescription: input.needs.metaDescription ? offlineMeta(input, ctx.language) : null,
    altTexts: offlineAlts(input, ctx.language).map((alt, i) => ({
      index: input.needs.altIndexes[i] ?? i,
      alt,
    })),
    description: input.needs.description
      ? offlineDescription(input.blocks ?? [], input.keyphrase, input.title, ctx.language)
      : null,
  }),
  check: (out, input, ctx) => fixViolations(out, input, ctx.language),
});

export const suggestFixesOptionsSchema = z.object({
  ai: z.custom<AIEngine>(
    (v) => typeof v === "object" && v !== null && typeof (v as { run?: unknown }).run === "function",
    "must be an AI engine from createAI()",
  ),
  language: z.enum(LANGUAGES).optional(),
  /** Also suggest a rewritten description when a description check fails (off by default). */
  rewriteDescription: z.boolean().default(false),
  shopId: z.string().optional(),
  signal: z
    .custom<AbortSignal>((v) => typeof AbortSignal !== "undefined" && v instanceof AbortSignal)
    .optional(),
});
export type SuggestFixesOptions = z.input<typeof suggestFixesOptionsSchema>;

/** One field the app can show as before → after and apply. */
export interface FieldChange {
  field: "seoTitle" | "metaDescription" | "descriptionHtml" | `images.${number}.alt`;
  before: string;
  after: string;
  /** The checks this change addresses. */
  checks: string[];
}

export interface SeoFixes {
  language: Language;
  changes: FieldChange[];
  /** Who wrote the suggestions; "offline" = built from the product's own data. */
  provider: ProviderName;
  model: string;
  /** Set when the model's answer broke a limit and the offline suggestion was used instead. */
  fallbackReason?: string;
  scoreBefore: { seo: number; readability: number };
  scoreAfter: { seo: number; readability: number };
}

// The AUTO_FIXABLE checks (checks/result.ts), by the field that fixes them.
const TITLE_CHECKS = new Set(["seoTitleWidth", "seoTitleDistinct", "keyphraseInSeoTitle"]);
const META_CHECKS = new Set(["metaDescriptionLength", "keyphraseInMetaDescription"]);
const ALT_CHECKS = new Set(["imageAlt", "keyphraseInImageAlt"]);
// What a rewrite of the description's own sentences can fix (not its length: no new facts).
const DESCRIPTION_CHECKS = new Set([
  "keyphraseInIntroduction",
  "paragraphLength",
  "htmlHygiene",
  "headingOrder",
]);

/**
 * Suggests a new SEO title, meta description and image alt texts for the checks that failed
 * (and, with `rewriteDescription`, the description rewritten from its own sentences when its
 * introduction, paragraphs or markup fail), through the AI engine, in the product's language. Every suggestion is verified against the
 * limits (lengths, pixel width, keyphrase present, no number or brand that is not in the
 * product); if the model's answer breaks one even after a repair, the offline suggestion, built
 * only from the product's data, is returned instead. Returns a before/after diff to show and apply.
 *
 * @example
 * const fixes = await suggestFixes(product, auditProduct(product), { ai: createAI() });
 * const patched = applyFixes(product, fixes); // auditProduct(patched).seoScore ≥ before
 */
export async function suggestFixes(
  productInput: SeoProductInput,
  results: SeoAuditResult | readonly CheckResult[],
  options: SuggestFixesOptions,
): Promise<SeoFixes> {
  const opts = parseOrThrow(suggestFixesOptionsSchema, options, "suggestFixes options");
  const product = parseSeoProduct(productInput);
  if (opts.language) product.language = opts.language;
  const language = product.language;
  const checks = Array.isArray(results)
    ? (results as readonly CheckResult[])
    : (results as SeoAuditResult).checks;
  const failing = checks.filter((c) => c.rating !== "good");
  const failingIds = new Set(failing.map((c) => c.id));
  const before = auditParsedProduct(product);

  const altIndexes = product.images
    .map((img, index) => ({ img, index }))
    .filter(
      ({ img }) =>
        !isMeaningfulAlt(img.alt) || img.alt.trim().toLowerCase() === product.title.trim().toLowerCase(),
    )
    .map(({ index }) => index);
  if (altIndexes.length === 0 && failingIds.has("keyphraseInImageAlt") && product.images.length > 0)
    altIndexes.push(0);

  const blocks = opts.rewriteDescription ? blocksOf(product.descriptionHtml) : [];
  const input: FixInput = {
    title: product.title,
    keyphrase: product.keyphrase,
    vendor: product.vendor,
    productType: product.productType,
    tags: product.tags,
    facts: parseProductHtml(product.descriptionHtml)
      .blocks.map((b) => b.text)
      .join("\n")
      .slice(0, 4_000),
    prices: product.variants.flatMap((v) => (v.price === undefined ? [] : [String(v.price)])),
    needs: {
      seoTitle: [...TITLE_CHECKS].some((id) => failingIds.has(id)),
      metaDescription: [...META_CHECKS].some((id) => failingIds.has(id)),
      altIndexes: [...ALT_CHECKS].some((id) => failingIds.has(id)) ? altIndexes : [],
      description: blocks.length > 0 && [...DESCRIPTION_CHECKS].some((id) => failingIds.has(id)),
    },
  };
  if (input.needs.description) input.blocks = blocks.map((b) => ({ kind: b.kind, text: b.text }));
  const nothingToDo =
    !input.needs.seoTitle &&
    !input.needs.metaDescription &&
    input.needs.altIndexes.length === 0 &&
    input.needs.description !== true;
  const score = { seo: before.seoScore, readability: before.readabilityScore };
  if (nothingToDo)
    return {
      language,
      changes: [],
      provider: "offline",
      model: "none",
      scoreBefore: score,
      scoreAfter: score,
    };

  let output: FixOutput;
  let provider: ProviderName;
  let model: string;
  let fallbackReason: string | undefined;
  try {
    const r = await opts.ai.run(seoFixTask, input, {
      language,
      ...(opts.shopId ? { shopId: opts.shopId } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    ({ output, provider, model } = r);
  } catch (error) {
    // A model that cannot meet the limits must not block the merchant: fall back to the
    // suggestion built from the product's own data (it meets them by construction).
    if (!(isNinjaLeadError(error) && error.code === "invalid_output")) throw error;
    output = seoFixTask.offline(input, { language });
    provider = "offline";
    model = "offline";
    fallbackReason = error.message;
  }

  const changes = diff(product, output, input, failing);
  const after = auditParsedProduct(patch(product, changes));
  const fixes: SeoFixes = {
    language,
    changes,
    provider,
    model,
    scoreBefore: score,
    scoreAfter: { seo: after.seoScore, readability: after.readabilityScore },
  };
  if (fallbackReason) fixes.fallbackReason = fallbackReason;
  return fixes;
}

function diff(
  product: SeoProduct,
  out: FixOutput,
  input: FixInput,
  failing: readonly CheckResult[],
): FieldChange[] {
  const ids = (set: ReadonlySet<string>): string[] => failing.filter((c) => set.has(c.id)).map((c) => c.id);
  const changes: FieldChange[] = [];
  if (input.needs.seoTitle && out.seoTitle && out.seoTitle !== product.seoTitle) {
    changes.push({
      field: "seoTitle",
      before: product.seoTitle,
      after: out.seoTitle,
      checks: ids(TITLE_CHECKS),
    });
  }
  if (input.needs.metaDescription && out.metaDescription && out.metaDescription !== product.metaDescription) {
    changes.push({
      field: "metaDescription",
      before: product.metaDescription,
      after: out.metaDescription,
      checks: ids(META_CHECKS),
    });
  }
  if (input.needs.description && out.description) {
    const html = renderDescription(out.description);
    if (html !== "" && html !== product.descriptionHtml)
      changes.push({
        field: "descriptionHtml",
        before: product.descriptionHtml,
        after: html,
        checks: ids(DESCRIPTION_CHECKS),
      });
  }
  for (const index of input.needs.altIndexes) {
    const alt = out.altTexts.find((a) => a.index === index)?.alt;
    const current = product.images[index]?.alt ?? "";
    if (alt && alt !== current)
      changes.push({ field: `images.${index}.alt`, before: current, after: alt, checks: ids(ALT_CHECKS) });
  }
  return changes;
}

function patch(product: SeoProduct, changes: readonly FieldChange[]): SeoProduct {
  const next: SeoProduct = { ...product, images: product.images.map((i) => ({ ...i })) };
  for (const c of changes) {
    if (c.field === "seoTitle") next.seoTitle = c.after;
    else if (c.field === "metaDescription") next.metaDescription = c.after;
    else if (c.field === "descriptionHtml") next.descriptionHtml = c.after;
    else {
      const image = next.images[Number(c.field.split(".")[1])];
      if (image) image.alt = c.after;
    }
  }
  return next;
}

/**
 * Applies accepted changes to a product (all of them, or the fields listed in `only`).
 *
 * @example
 * const updated = applyFixes(product, fixes, ["metaDescription"]);
 */
export function applyFixes(
  productInput: SeoProductInput,
  fixes: Pick<SeoFixes, "changes">,
  only?: readonly string[],
): SeoProduct {
  const product = parseSeoProduct(productInput);
  return patch(product, only ? fixes.changes.filter((c) => only.includes(c.field)) : fixes.changes);
}
