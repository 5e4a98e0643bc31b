import { z } from "zod";
import { defineTask, offlineText, type AIEngine, type ProviderName } from "../ai/index.js";
import { isNinjaLeadError } from "../errors/index.js";
import { LANGUAGE_NAMES, type Language } from "../i18n/index.js";
import { auditProduct, type SeoAuditResult, type SeoProductInput } from "../seo/index.js";
import type { ImportWarning } from "./messages.js";
import { sanitizeDescription, hasContactInfo } from "./sanitize.js";
import { specificationsTable, usefulSpecifications } from "./specs.js";
import { cleanTitle, MAX_TITLE_LENGTH } from "./title.js";
import type { SourceProduct } from "./types.js";

/** What the AI sees of an imported product: already cleaned supplier facts, never raw HTML. */
export interface ImportContentInput {
  title: string;
  keyphrase: string;
  descriptionText: string;
  /** The sanitised supplier description, which the offline generator builds on. */
  descriptionHtml: string;
  specifications: { name: string; value: string }[];
  options: string[];
  /** Image URLs needing alt text, in media order. */
  images: string[];
}

export const importContentSchema = z.object({
  title: z.string().min(3).max(MAX_TITLE_LENGTH),
  seoTitle: z.string().min(3).max(MAX_TITLE_LENGTH),
  metaDescription: z.string().min(1).max(160),
  descriptionHtml: z.string().min(1).max(20_000),
  /** One alt text per input image, same order. */
  altTexts: z.array(z.string().min(1).max(125)),
});
export type ImportContent = z.output<typeof importContentSchema>;

const META_MAX = 155;
const includes = (text: string, phrase: string) =>
  text.toLocaleLowerCase().includes(phrase.toLocaleLowerCase());

/** Hard limits on the generated copy; a violation triggers the engine's repair round-trip. */
function contentViolations(out: ImportContent, input: ImportContentInput, language: Language): string[] {
  const problems: string[] = [];
  if (out.altTexts.length !== input.images.length)
    problems.push(`altTexts must have exactly ${input.images.length} entries, one per image, in order`);
  if (!includes(out.seoTitle, input.keyphrase)) problems.push(`seoTitle must contain "${input.keyphrase}"`);
  if (!includes(out.metaDescription, input.keyphrase))
    problems.push(`metaDescription must contain "${input.keyphrase}"`);
  if (out.metaDescription.length > META_MAX)
    problems.push(`metaDescription must be at most ${META_MAX} characters`);
  for (const [field, text] of [
    ["title", out.title],
    ["seoTitle", out.seoTitle],
    ["metaDescription", out.metaDescription],
  ] as const)
    if (hasContactInfo(text)) problems.push(`${field} must not contain contact details or web addresses`);
  if (cleanTitle(out.title, { language }).removed.length > 0)
    problems.push(
      "title must not contain promotional noise (free shipping, hot sale, years, repeated words)",
    );
  const { removed } = sanitizeDescription(out.descriptionHtml);
  const unsafe = Object.entries(removed).filter(([kind, n]) => n > 0 && kind !== "styles");
  if (unsafe.length > 0)
    problems.push(
      `descriptionHtml must use only p, ul, li, strong, em, h2, h3 and no ${unsafe.map(([k]) => k.replace("_", " ")).join(", ")}`,
    );
  return problems;
}

/** Cuts at a word boundary to `max` UTF-16 units, the unit Shopify and the schema count (emoji are 2). */
function fit(text: string, max: number): string {
  let out = offlineText.truncate(text, max);
  while (out.length > max) out = offlineText.truncate(out, Array.from(out).length - 1);
  return out;
}

function offlineContent(input: ImportContentInput, language: Language): ImportContent {
  const title = fit(input.title, MAX_TITLE_LENGTH);
  let seoTitle = cleanTitle(input.title, { language, keyphrase: input.keyphrase, maxLength: 60 }).title;
  // The keyphrase words may be scattered in the title; the SEO title needs the exact phrase.
  if (!includes(seoTitle, input.keyphrase)) {
    const phrase = input.keyphrase.charAt(0).toLocaleUpperCase() + input.keyphrase.slice(1);
    seoTitle = fit(`${phrase} – ${seoTitle}`, 60);
  }
  const summary = offlineText.summarize(input.descriptionText || input.options.join(". "), 90);
  let meta = offlineText.phrase(language, "metaDescription", { title, summary: summary || input.keyphrase });
  meta = fit(meta, META_MAX);
  // Prefixed, the keyphrase survives the cut to 155 characters.
  if (!includes(meta, input.keyphrase)) meta = fit(`${input.keyphrase} – ${meta}`, META_MAX);
  const highlights = input.specifications.slice(0, 5).map((s) => `${s.name}: ${s.value}`);
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const keyWords = input.keyphrase.toLocaleLowerCase().split(/\s+/);
  const summaryHasKeyphrase =
    summary !== "" && keyWords.every((w) => summary.toLocaleLowerCase().includes(w));
  // Naming the product again before a summary that already carries the keyphrase would stuff it.
  const intro = summaryHasKeyphrase
    ? `${summary}.`
    : offlineText.phrase(language, "intro", { title, summary: summary || input.keyphrase });
  const descriptionHtml = [
    `<p>${esc(intro)}</p>`,
    highlights.length > 0 ? `<ul>${highlights.map((h) => `<li>${esc(h)}</li>`).join("")}</ul>` : "",
    // A short supplier text is already in the intro: repeating it would only stuff the keyphrase.
    input.descriptionText.length > summary.length + 40 || input.specifications.length > 0
      ? input.descriptionHtml
      : "",
  ].join("");
  const alt = offlineText.phrase(language, "altText", { title: seoTitle });
  return {
    title,
    seoTitle,
    metaDescription: meta,
    descriptionHtml,
    altTexts: input.images.map((_, i) => fit(i === 0 ? alt : `${alt} ${i + 1}`, 125)),
  };
}

/**
 * The AI task behind the import: SEO title, meta description, image alt texts and a rewritten
 * description in the shop's language, from cleaned supplier facts.
 */
export const importContentTask = defineTask({
  name: "catalog.import-content.v1",
  schema: importContentSchema,
  promptTokenBudget: 3_000,
  prompt: (input: ImportContentInput, ctx) => ({
    system: [
      `You write Shopify product copy in ${LANGUAGE_NAMES[ctx.language]} (${ctx.language}) for an online shop.`,
      `Rewrite supplier data into original, factual copy. Focus keyphrase: "${input.keyphrase}".`,
      "title: at most 70 characters, natural, no promotions, years, shipping claims or repeated words.",
      "seoTitle: at most 60 characters, starts with the keyphrase. metaDescription: 120-155 characters, contains the keyphrase once.",
      "descriptionHtml: 150-300 words using only <p>, <ul>, <li>, <strong>, <em>, <h2>, <h3>; the keyphrase in the first sentence; no links, contact details or claims not supported by the facts.",
      `altTexts: exactly ${input.images.length} entries, one per image in order, each under 125 characters, describing the product.`,
    ].join("\n"),
    user: JSON.stringify({
      title: input.title,
      keyphrase: input.keyphrase,
      description: offlineText.truncate(input.descriptionText, 2_000),
      specifications: input.specifications.slice(0, 25),
      options: input.options,
      images: input.images.length,
    }),
    maxOutputTokens: 1_500,
  }),
  offline: (input, ctx) => offlineContent(input, ctx.language),
  check: (out, input, ctx) => contentViolations(out, input, ctx.language),
});

/** Fields the AI step can replace, each guarded by its own SEO checks. */
export type OptimisedField = "title" | "seo" | "description" | "altTexts";

const FIELD_CHECKS: Readonly<Record<OptimisedField, readonly string[]>> = {
  title: ["keyphraseInTitle", "capitals", "importNoise", "keywordStuffing"],
  seo: [
    "seoTitle",
    "seoTitleWidth",
    "metaDescriptionLength",
    "keyphraseInSeoTitle",
    "keyphraseInMetaDescription",
  ],
  description: [
    "textPresence",
    "sellerContact",
    "htmlHygiene",
    "keywordStuffing",
    "keyphraseInIntroduction",
    "importNoise",
  ],
  altTexts: ["imageAlt", "keyphraseInImageAlt"],
};

export interface OptimiseImportOptions {
  language: Language;
  /** Focus keyphrase; defaults to the first words of the cleaned title. */
  keyphrase?: string;
  shopId?: string;
  signal?: AbortSignal;
  brandBlocklist?: readonly string[];
}

export interface OptimisedImport {
  /** Accepted texts, ready for `planImport(…, { content })`. Fields that failed the audit are absent. */
  content: {
    title?: string;
    seoTitle?: string;
    seoDescription?: string;
    descriptionHtml?: string;
    altTexts?: Record<string, string>;
  };
  accepted: OptimisedField[];
  rejected: { field: OptimisedField; checks: string[] }[];
  warnings: ImportWarning[];
  provider: ProviderName;
  model: string;
  cached: boolean;
  keyphrase: string;
  scores: { before: number; after: number };
}

/** The first three words of a title (or its first 12 characters when it has no spaces). */
export function defaultKeyphrase(title: string): string {
  const words = title.split(/\s+/).filter(Boolean);
  if (words.length <= 1) return Array.from(title).slice(0, 12).join("");
  return words
    .slice(0, 3)
    .join(" ")
    .replace(/[,.;:!?]+$/u, "");
}

function auditOf(fields: {
  title: string;
  seoTitle: string;
  metaDescription: string;
  descriptionHtml: string;
  images: { src: string; alt: string }[];
  keyphrase: string;
  language: Language;
}): SeoAuditResult {
  const input: SeoProductInput = {
    title: fields.title,
    seoTitle: fields.seoTitle,
    metaDescription: fields.metaDescription,
    descriptionHtml: fields.descriptionHtml,
    images: fields.images,
    keyphrase: fields.keyphrase,
    language: fields.language,
  };
  return auditProduct(input, { language: fields.language });
}

function groupVerdict(audit: SeoAuditResult, field: OptimisedField) {
  const checks = audit.checks.filter((c) => FIELD_CHECKS[field].includes(c.id));
  return {
    bad: checks.filter((c) => c.rating === "bad").map((c) => c.id),
    score: checks.reduce((s, c) => s + c.score, 0),
    scores: new Map(checks.map((c) => [c.id, c.score])),
  };
}

/** Everything the AI step needs, computed once from the supplier product. */
export interface PreparedImportContent {
  input: ImportContentInput;
  language: Language;
  keyphrase: string;
  /** The cleaned supplier version every candidate is compared with. */
  baseline: {
    title: string;
    seoTitle: string;
    metaDescription: string;
    descriptionHtml: string;
    images: { src: string; alt: string }[];
  };
}

/**
 * Cleans the supplier product into the AI task's input and the baseline the audit compares with.
 *
 * @example
 * const prepared = prepareImportContent(product, { language: "de" });
 * prepared.keyphrase // "Edelstahl Thermosflasche 500ml"
 */
export function prepareImportContent(
  product: SourceProduct,
  options: OptimiseImportOptions,
): PreparedImportContent {
  const { language } = options;
  const cleaned = cleanTitle(product.title, {
    language,
    ...(options.keyphrase ? { keyphrase: options.keyphrase } : {}),
    brandBlocklist: [...(options.brandBlocklist ?? []), ...(product.store?.name ? [product.store.name] : [])],
  });
  const keyphrase = offlineText.truncate(options.keyphrase?.trim() || defaultKeyphrase(cleaned.title), 50);
  const sanitized = sanitizeDescription(product.descriptionHtml, { imageAlt: cleaned.title });
  const supplierHtml = sanitized.html + specificationsTable(product.specifications, language);
  const images = product.images.slice(0, 20);
  return {
    language,
    keyphrase,
    input: {
      title: cleaned.title,
      keyphrase,
      descriptionText: sanitized.text,
      descriptionHtml: supplierHtml,
      specifications: usefulSpecifications(product.specifications),
      options: [
        ...new Set(product.skus.flatMap((s) => s.properties.map((p) => `${p.name}: ${p.value}`))),
      ].slice(0, 30),
      images,
    },
    baseline: {
      title: cleaned.title,
      seoTitle: cleaned.title,
      metaDescription: offlineText.truncate(sanitized.text, META_MAX),
      descriptionHtml: supplierHtml,
      images: images.map((src, i) => ({ src, alt: `${cleaned.title} ${i + 1}` })),
    },
  };
}

export interface ReviewedImportContent {
  content: OptimisedImport["content"];
  accepted: OptimisedField[];
  rejected: { field: OptimisedField; checks: string[] }[];
  warnings: ImportWarning[];
  scores: { before: number; after: number };
}

/**
 * Decides, field by field, which generated texts the SEO audit accepts: each field is swapped into
 * the supplier baseline and audited; it passes when none of its checks is rated bad and its checks
 * score at least as well as the baseline's. The description is sanitised again first.
 *
 * @example
 * const review = reviewImportContent(prepared, output);
 * review.rejected // [{ field: "title", checks: ["capitals"] }]
 */
export function reviewImportContent(
  prepared: PreparedImportContent,
  output: ImportContent,
): ReviewedImportContent {
  const { baseline, keyphrase, language } = prepared;
  const images = prepared.input.images;
  const audit = (fields: Partial<PreparedImportContent["baseline"]>) =>
    auditOf({ ...baseline, ...fields, keyphrase, language });
  const candidateHtml = sanitizeDescription(output.descriptionHtml).html;
  const candidates: Record<OptimisedField, Partial<PreparedImportContent["baseline"]>> = {
    title: { title: output.title },
    seo: { seoTitle: output.seoTitle, metaDescription: output.metaDescription },
    description: { descriptionHtml: candidateHtml },
    altTexts: { images: images.map((src, i) => ({ src, alt: output.altTexts[i] ?? "" })) },
  };
  const before = audit({});
  const accepted: OptimisedField[] = [];
  const rejected: { field: OptimisedField; checks: string[] }[] = [];
  const warnings: ImportWarning[] = [];
  for (const field of Object.keys(candidates) as OptimisedField[]) {
    const verdict = groupVerdict(audit(candidates[field]), field);
    const reference = groupVerdict(before, field);
    const wrongCount = field === "altTexts" && output.altTexts.length !== images.length;
    if (verdict.bad.length === 0 && verdict.score >= reference.score && !wrongCount) accepted.push(field);
    else {
      const worse = [...verdict.scores]
        .filter(([id, score]) => score < (reference.scores.get(id) ?? 0))
        .map(([id]) => id);
      const checks = wrongCount ? ["altTexts.count"] : [...new Set([...verdict.bad, ...worse])];
      rejected.push({ field, checks });
      warnings.push({ code: "ai_rejected", params: { field, reason: checks.join(", ") }, field });
    }
  }
  const content: OptimisedImport["content"] = {};
  if (accepted.includes("title")) content.title = output.title;
  if (accepted.includes("seo")) {
    content.seoTitle = output.seoTitle;
    content.seoDescription = output.metaDescription;
  }
  if (accepted.includes("description")) content.descriptionHtml = candidateHtml;
  if (accepted.includes("altTexts"))
    content.altTexts = Object.fromEntries(images.map((src, i) => [src, output.altTexts[i] ?? ""]));
  const final = audit(
    Object.assign({}, ...accepted.map((field) => candidates[field])) as Partial<
      PreparedImportContent["baseline"]
    >,
  );
  return {
    content,
    accepted,
    rejected,
    warnings,
    scores: { before: before.seoScore, after: final.seoScore },
  };
}

/**
 * Runs the AI step of an import through the AI engine (OpenAI → xAI → offline) and keeps only
 * what the SEO audit accepts (see `reviewImportContent`). When every provider fails, the
 * deterministic offline copy is reviewed instead and an `ai_unavailable` warning says so.
 *
 * @example
 * const ai = createAI(); // offline without keys
 * const optimised = await optimiseImport(ai, product, { language: "fr", keyphrase: "t-shirt coton" });
 * const plan = planImport(product, existing, { language: "fr", keyphrase: optimised.keyphrase, content: optimised.content });
 */
export async function optimiseImport(
  ai: AIEngine,
  product: SourceProduct,
  options: OptimiseImportOptions,
): Promise<OptimisedImport> {
  const prepared = prepareImportContent(product, options);
  const warnings: ImportWarning[] = [];
  let output: ImportContent;
  let provider: ProviderName = "offline";
  let model = "offline";
  let cached = false;
  try {
    const result = await ai.run(importContentTask, prepared.input, {
      language: options.language,
      ...(options.shopId ? { shopId: options.shopId } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    ({ output, provider, model, cached } = result);
  } catch (error) {
    if (isNinjaLeadError(error) && error.code === "aborted") throw error;
    warnings.push({ code: "ai_unavailable", params: {}, field: "content" });
    output = offlineContent(prepared.input, options.language);
  }
  const review = reviewImportContent(prepared, output);
  return {
    ...review,
    warnings: [...warnings, ...review.warnings],
    provider,
    model,
    cached,
    keyphrase: prepared.keyphrase,
  };
}
