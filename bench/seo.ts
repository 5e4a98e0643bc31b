/**
 * SEO audit vs yoastseo 3.6 (ProductSEOAssessor + ProductContentAssessor), same pages, same run.
 * Pages: 480 deterministic generated pages (en, fr, es, de) and, when ../shared/corpus is present,
 * 480 real product pages, which are then the ones timed; each gets a deterministic focus keyphrase.
 * Both read the same HTML, with named character references written as the characters they stand
 * for (see `asCharacters`). Then a
 * 100,000-product catalog audit, streamed from a generator, in a child process of its own
 * (bench/_seo-catalog.ts) so its time and memory are the audit's alone. Progress → stderr; last
 * stdout line → the JSON figures.
 * Dev switches: SEO_BENCH_DETAILS=<file> writes every disagreement there; SEO_BENCH_CATALOG=0
 * skips the catalog run while tuning agreement.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { decodeHTML } from "entities";
import { auditProduct, type SeoAuditResult, type SeoProductInput } from "../packages/core/src/seo/index.ts";
import { languageProfile } from "../packages/core/src/seo/languages/index.ts";
import { generatePages, type BenchPage } from "./_seo-data.ts";

const require = createRequire(import.meta.url);
const LANGS = ["en", "fr", "es", "de"] as const;
const PER_LANGUAGE = 120;
const CORPUS = new URL("../../shared/corpus/", import.meta.url);
const log = (msg: string): void => void process.stderr.write(`${msg}\n`);

// ---------------------------------------------------------------- pages
interface CorpusRow {
  id: string;
  title: string;
  description_html?: string;
  meta_title?: string;
  meta_description?: string;
  image_alts?: string[];
  handle_or_slug?: string;
}

function plain(html: string): string {
  return html
    .replace(/<[^>]{0,500}>/g, " ")
    .replace(/&[a-z]+;/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The same page, written with characters instead of named/numeric character references
 * ("&bull;" → "•", "&eacute;" → "é"; markup-significant "&lt; &gt; &amp;" stay). A browser shows
 * both spellings identically, and our parser decodes them, but yoastseo 3.6 does not: it reads
 * "&bull;" as the word "bull" (one syllable), which moves its Flesch score by 5–10 points on a
 * bulleted spec list. Giving both sides this spelling compares the analyses, not the escaping.
 */
export function asCharacters(html: string): string {
  return html.replace(/&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});/g, (ref) => {
    const ch = decodeHTML(ref);
    return ch === "<" || ch === ">" || ch === "&" || ch === ref ? ref : ch;
  });
}

function keyphraseFor(title: string): string {
  const words = title.split(/[\s/,()|–-]+/).filter((w) => /\p{L}{3,}/u.test(w));
  return words.slice(0, 2).join(" ");
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function corpusPages(): BenchPage[] | undefined {
  if (!existsSync(new URL("products.en.jsonl", CORPUS))) return undefined;
  const pages: BenchPage[] = [];
  const metaLengths = [0, 90, 135, 150, 175];
  for (const language of LANGS) {
    const file = new URL(`products.${language}.jsonl`, CORPUS);
    if (!existsSync(file)) continue;
    const rows = readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l) as CorpusRow)
      .filter((r) => (r.description_html ?? "").trim() !== "" && keyphraseFor(r.title) !== "")
      .slice(0, PER_LANGUAGE);
    rows.forEach((r, i) => {
      const text = plain(r.description_html ?? "");
      const metaLength = metaLengths[i % metaLengths.length] ?? 0;
      pages.push({
        id: r.id,
        language,
        keyphrase: keyphraseFor(r.title),
        title: r.title,
        seoTitle: r.meta_title ?? r.title,
        metaDescription: r.meta_description ?? text.slice(0, metaLength),
        descriptionHtml: asCharacters(r.description_html ?? ""),
        handle: r.handle_or_slug ?? slug(r.title),
        imageAlts: r.image_alts ?? (i % 3 === 0 ? [] : [i % 2 === 0 ? r.title : "photo"]),
      });
    });
  }
  return pages.length >= 400 ? pages : undefined;
}

// ---------------------------------------------------------------- yoast
interface YoastResult {
  ratings: Record<string, string>;
  flesch: number | undefined;
  /** yoastseo's own counts behind its Flesch score, to explain a disagreement. */
  fleschStats?: { sentences: string[]; words: number; syllables: number };
}
type Yoast = (page: BenchPage, withFlesch: boolean) => YoastResult;

interface YoastResearcher {
  getResearch(n: string): unknown;
  setPaper(p: unknown): void;
  getHelper(n: string): unknown;
  getConfig(n: string): unknown;
}

function loadYoast(): Yoast {
  const helper = <T>(path: string): T =>
    (require(`yoastseo/build/languageProcessing/helpers/${path}`) as { default: T }).default;
  const helpers = {
    stripNumbers: helper<(text: string) => string>("sanitize/stripNumbers.js"),
    getSentences: helper<(text: string, tokenizer: unknown) => string[]>("sentence/getSentences.js"),
    countSyllables: helper<(text: string, config: unknown) => number>("syllables/countSyllables.js"),
    countWords: helper<(text: string) => number>("word/countWords.js"),
  };
  const yoast = require("yoastseo") as {
    Paper: new (text: string, attrs: Record<string, unknown>) => unknown;
    assessors: Record<string, new (researcher: unknown, options: object) => YoastAssessor>;
  };
  interface YoastAssessor {
    assess(paper: unknown): void;
    getValidResults(): { _identifier: string; score: number }[];
  }
  const researcherOf = (lang: string): new (paper: unknown) => YoastResearcher =>
    (require(`yoastseo/build/languageProcessing/languages/${lang}/Researcher`) as { default: never }).default;
  const locales: Record<string, string> = { en: "en_US", fr: "fr_FR", es: "es_ES", de: "de_DE" };
  const cache = new Map<
    string,
    {
      researcher: YoastResearcher;
      seo: YoastAssessor;
      content: YoastAssessor;
    }
  >();
  const rating = (score: number): string => (score <= 4 ? "bad" : score <= 7 ? "ok" : "good");
  return (page, withFlesch) => {
    let entry = cache.get(page.language);
    if (!entry) {
      const Researcher = researcherOf(page.language);
      const researcher = new Researcher(new yoast.Paper("", {}));
      entry = {
        researcher,
        seo: new (yoast.assessors.ProductSEOAssessor as new (r: unknown, o: object) => YoastAssessor)(
          researcher,
          {},
        ),
        content: new (yoast.assessors.ProductContentAssessor as new (r: unknown, o: object) => YoastAssessor)(
          researcher,
          {},
        ),
      };
      cache.set(page.language, entry);
    }
    const images = page.imageAlts
      .map((alt, i) => `<img src="https://cdn.example/${i}.jpg" alt="${alt.replace(/"/g, "&quot;")}">`)
      .join("");
    const paper = new yoast.Paper(page.descriptionHtml + images, {
      keyword: page.keyphrase,
      title: page.seoTitle,
      description: page.metaDescription,
      slug: page.handle,
      locale: locales[page.language] ?? "en_US",
      titleWidth: 0,
    });
    entry.seo.assess(paper);
    entry.content.assess(paper);
    const ratings: Record<string, string> = {};
    for (const r of [...entry.seo.getValidResults(), ...entry.content.getValidResults()])
      ratings[r._identifier] = rating(r.score);
    let flesch: number | undefined;
    let fleschStats: YoastResult["fleschStats"];
    if (withFlesch) {
      // The steps of yoastseo's getFleschReadingScore research, run again to see its counts.
      const text = helpers.stripNumbers(page.descriptionHtml);
      fleschStats = {
        sentences: helpers.getSentences(text, entry.researcher.getHelper("memoizedTokenizer")),
        words: helpers.countWords(text),
        syllables: helpers.countSyllables(text, entry.researcher.getConfig("syllables")),
      };
      entry.researcher.setPaper(paper);
      const f = entry.researcher.getResearch("getFleschReadingScore") as { score: number } | false;
      flesch = f && f.score >= 0 ? f.score : undefined;
    }
    return fleschStats ? { ratings, flesch, fleschStats } : { ratings, flesch };
  };
}

// ---------------------------------------------------------------- ours
function productOf(page: BenchPage): SeoProductInput {
  return {
    title: page.title,
    seoTitle: page.seoTitle,
    metaDescription: page.metaDescription,
    descriptionHtml: page.descriptionHtml,
    handle: page.handle,
    keyphrase: page.keyphrase,
    language: page.language,
    images: page.imageAlts.map((alt, i) => ({ src: `https://cdn.example/${i}.jpg`, alt })),
  };
}

// Our check id → Yoast's assessment identifier, for the checks both make.
const PAIRS: Record<string, string> = {
  metaDescriptionLength: "metaDescriptionLength",
  textLength: "textLength",
  keyphraseInImageAlt: "imageKeyphrase",
  keyphraseInSeoTitle: "keyphraseInSEOTitle",
  keyphraseInMetaDescription: "metaDescriptionKeyword",
  keyphraseInIntroduction: "introductionKeyword",
  keyphraseDensity: "keyphraseDensity",
};

// Why a Flesch score differs, by what yoastseo counted differently (first matching category).
const FLESCH_CATEGORIES: { id: string; reason: string }[] = [
  {
    id: "yoast_markup_sentences",
    reason:
      "yoastseo counts markup as sentences: a closing inline tag after a full stop ('</span>', '</b>') or an invisible '<meta charset>' pasted into the description becomes a sentence of no words, which lowers its words per sentence. We count sentences a shopper reads.",
  },
  {
    id: "plain_text_line_breaks",
    reason:
      "Plain-text descriptions: yoastseo's number stripping squeezes blank lines into one space, so a heading line without a full stop runs into the next sentence, while single line breaks still split; we end a sentence at every line break, as the merchant laid the text out.",
  },
  {
    id: "sentence_boundaries",
    reason:
      "Other sentence boundaries: yoastseo needs a capital letter after a full stop and ignores stops before list markers ('. * Item', '. - Item'); we split there too.",
  },
  {
    id: "syllables",
    reason:
      "Same sentences, different syllables: yoastseo counts a hyphenated compound as one word, so its end-of-word rules miss the silent e inside 'moisture-wicking' (5 for 4) or 'iPhone/smartphone', and it reads French elisions and English names with its vowel groups ('jusqu'à' 3 for 2, 'YouTube' 3 for 2); we count each part, and common English loanwords in German as pronounced.",
  },
];

// Where we differ on purpose, and why.
const REASONS: Record<string, string> = {
  textLength:
    "Tokenisation at the margins: Yoast counts bullet symbols and strips digits from tokens ('A4', '7,5 cm'); we count words of letters or digits and split 'Druck/Kopie'.",
  keyphraseInSeoTitle:
    "We treat the keyphrase as at the start when only function words precede it, in every language.",
  keyphraseInMetaDescription:
    "Word forms: we match plurals, inflections and accents in all ten languages; yoastseo's free package does so only in English.",
  keyphraseInIntroduction:
    "Plain-text descriptions (no <p>): our first paragraph runs to the first blank line, so a leading spec list counts as the introduction; Yoast takes a shorter first chunk.",
  keyphraseDensity:
    "Word forms: we count inflected forms ('chemises', 'Leinenhemden') as occurrences in every language; yoastseo's free package does not.",
  keyphraseInImageAlt: "Same alt texts for both; differences come from word forms.",
  flesch:
    "Same formulas, same HTML; remaining differences fall in the categories below (each Flesch disagreement is classified from yoastseo's own sentence and syllable counts). On short texts one sentence or two syllables move the score by more than 3 points.",
};

function agreementOf(
  pages: BenchPage[],
  ours: SeoAuditResult[],
  theirs: YoastResult[],
  detailsFile?: string,
) {
  const agreement: Record<string, number> = {};
  const disagreements: Record<string, { count: number; reason: string; examples: string[] }> = {};
  const all: string[] = [];
  const note = (check: string, example: string): void => {
    const d = (disagreements[check] ??= { count: 0, reason: REASONS[check] ?? "", examples: [] });
    d.count++;
    if (d.examples.length < 3) d.examples.push(example);
    all.push(`${check}\t${example}`);
  };
  for (const [our, their] of Object.entries(PAIRS)) {
    let same = 0;
    let total = 0;
    pages.forEach((page, i) => {
      const a = ours[i]?.checks.find((c) => c.id === our)?.rating;
      const b = theirs[i]?.ratings[their];
      if (a === undefined || b === undefined) return;
      total++;
      if (a === b) same++;
      else note(our, `${page.id} (${page.language}): ours ${a}, yoast ${b}`);
    });
    agreement[our] = total === 0 ? 0 : Math.round((same / total) * 1000) / 1000;
  }
  let same = 0;
  let total = 0;
  const fleschCategories: Record<
    string,
    { count: number; explained_by_recount: number; reason: string; examples: string[] }
  > = {};
  pages.forEach((page, i) => {
    const a = ours[i]?.research.readingEase?.score;
    const b = theirs[i]?.flesch;
    if (a === undefined || b === undefined) return;
    total++;
    if (Math.abs(a - b) <= 3) same++;
    else {
      const example = `${page.id} (${page.language}): ours ${a}, yoast ${b}`;
      note("flesch", example);
      const category = fleschCategory(page, ours[i], theirs[i]);
      const d = (fleschCategories[category.id] ??= {
        count: 0,
        explained_by_recount: 0,
        reason: category.reason,
        examples: [],
      });
      d.count++;
      const recounted = recount(page, category.id, ours[i], theirs[i]);
      if (recounted !== undefined && Math.abs(recounted - a) <= 3) d.explained_by_recount++;
      if (d.examples.length < 3) d.examples.push(example);
    }
  });
  agreement.flesch_within_3 = total === 0 ? 0 : Math.round((same / total) * 1000) / 1000;
  // Short texts swing by more than 3 points for one word or sentence counted differently.
  let sameLong = 0;
  let totalLong = 0;
  pages.forEach((_, i) => {
    const a = ours[i]?.research;
    const b = theirs[i]?.flesch;
    if (!a?.readingEase || b === undefined || a.wordCount < 200) return;
    totalLong++;
    if (Math.abs(a.readingEase.score - b) <= 3) sameLong++;
  });
  agreement.flesch_within_3_texts_over_200_words =
    totalLong === 0 ? 0 : Math.round((sameLong / totalLong) * 1000) / 1000;
  if (detailsFile) writeFileSync(detailsFile, all.join("\n"));
  const flesch = disagreements.flesch;
  const explained = Object.values(fleschCategories).reduce((n, c) => n + c.explained_by_recount, 0);
  return {
    agreement,
    disagreements: flesch
      ? {
          ...disagreements,
          flesch: { ...flesch, explained_by_recount: explained, categories: fleschCategories },
        }
      : disagreements,
  };
}

const hasWords = (sentence: string): boolean => /\p{L}/u.test(sentence.replace(/<[^>]*>/g, " "));

/**
 * yoastseo's score again, from its own counts with the one count of the category replaced by the
 * correct one (markup sentences left out; our sentences; our syllables). Within ±3 of ours means
 * that miscount alone explains the disagreement.
 */
function recount(
  page: BenchPage,
  category: string,
  ours: SeoAuditResult | undefined,
  theirs: YoastResult | undefined,
): number | undefined {
  const stats = theirs?.fleschStats;
  if (!ours || !stats) return undefined;
  let sentences = stats.sentences.length;
  let syllables = stats.syllables;
  if (category === "yoast_markup_sentences") sentences = stats.sentences.filter(hasWords).length;
  else if (category === "syllables") syllables = ours.research.syllableCount;
  else if (category !== "other") sentences = ours.research.sentenceCount;
  const stat = { sentences, words: stats.words, syllables, longWords: 0, chars: 0, text: "" };
  return languageProfile(page.language).readingEase(stat).score;
}

const FALLBACK_CATEGORY = { id: "other", reason: "Not classified." };
function fleschCategory(
  page: BenchPage,
  ours: SeoAuditResult | undefined,
  theirs: YoastResult | undefined,
): { id: string; reason: string } {
  const byId = (id: string) => FLESCH_CATEGORIES.find((c) => c.id === id) ?? FALLBACK_CATEGORY;
  const stats = theirs?.fleschStats;
  if (!ours || !stats) return FALLBACK_CATEGORY;
  if (stats.sentences.some((sentence) => !hasWords(sentence))) return byId("yoast_markup_sentences");
  if (stats.sentences.length !== ours.research.sentenceCount) {
    const plainText = !/<(p|div|li|h[1-6]|br)\b/i.test(page.descriptionHtml);
    return byId(
      plainText && page.descriptionHtml.includes("\n") ? "plain_text_line_breaks" : "sentence_boundaries",
    );
  }
  if (stats.syllables !== ours.research.syllableCount) return byId("syllables");
  return FALLBACK_CATEGORY;
}

// ---------------------------------------------------------------- catalog
interface CatalogFigures {
  products: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  baselineRssMb: number;
  peakHeapMb: number;
}
// The audit must fit in this V8 heap (old generation; young generation 3 × 8 MB): a catalog audit
// whose memory grew with the catalog's text would die here instead of reporting a figure.
const CATALOG_HEAP_LIMIT_MB = 64;
const CATALOG_SEMI_SPACE_MB = 8;

/** Runs bench/_seo-catalog.ts in a fresh process and reads its JSON line. */
function catalogRun(): CatalogFigures | undefined {
  if (process.env.SEO_BENCH_CATALOG === "0") return undefined;
  log("  catalog: 100,000 generated products, streamed, in a child process");
  const script = fileURLToPath(new URL("./_seo-catalog.ts", import.meta.url));
  const child = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${CATALOG_HEAP_LIMIT_MB}`,
      `--max-semi-space-size=${CATALOG_SEMI_SPACE_MB}`,
      "--import",
      "tsx",
      script,
    ],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], env: process.env },
  );
  const line = child.stdout.trim().split("\n").pop() ?? "";
  if (child.status !== 0 || !line.startsWith("{"))
    throw new Error(`catalog run failed (exit ${child.status ?? child.signal})`);
  return JSON.parse(line) as CatalogFigures;
}

// ---------------------------------------------------------------- run
function main(): void {
  const loadBefore = loadavg()[0] ?? 0;
  const catalog = catalogRun();
  const loadDuringCatalog = loadavg()[0] ?? 0;
  const fromCorpus = corpusPages();
  const pages = fromCorpus ?? generatePages(LANGS, PER_LANGUAGE);
  log(`seo bench: ${pages.length} pages (${fromCorpus ? "corpus" : "generated"})`);
  const yoast = loadYoast();

  // Warm both up (JIT, caches) on a few pages, then time each side over all pages.
  for (const p of pages.slice(0, 20)) {
    yoast(p, false);
    auditProduct(productOf(p));
  }
  const theirs: YoastResult[] = [];
  let t = performance.now();
  pages.forEach((p, i) => {
    theirs.push(yoast(p, false));
    if (i % 100 === 0) log(`  yoast ${i}/${pages.length}`);
  });
  const yoastMs = (performance.now() - t) / pages.length;

  const ours: SeoAuditResult[] = [];
  const rounds = 5; // ours is fast: average over several rounds for a stable figure
  t = performance.now();
  for (let r = 0; r < rounds; r++) {
    ours.length = 0;
    for (const p of pages) ours.push(auditProduct(productOf(p)));
  }
  const oursMs = (performance.now() - t) / (pages.length * rounds);
  log(`  ours ${oursMs.toFixed(3)} ms/page, yoast ${yoastMs.toFixed(1)} ms/page`);

  // Flesch outside the timing (it is not part of Yoast's product assessors).
  pages.forEach((p, i) => {
    const entry = theirs[i];
    if (!entry) return;
    const withFlesch = yoast(p, true);
    entry.flesch = withFlesch.flesch;
    if (withFlesch.fleschStats) entry.fleschStats = withFlesch.fleschStats;
  });
  const onTimed = agreementOf(pages, ours, theirs, process.env.SEO_BENCH_DETAILS);

  // `agreement` is on the deterministic generated pages (clean template HTML in four
  // languages); when the real pages were timed, their agreement is reported beside it
  // (`agreement_real_pages`), with every disagreement classified and recounted.
  const generated = fromCorpus ? generatePages(LANGS, PER_LANGUAGE) : pages;
  const onGenerated = fromCorpus
    ? agreementOf(
        generated,
        generated.map((p) => auditProduct(productOf(p))),
        generated.map((p) => yoast(p, true)),
      )
    : onTimed;

  console.log(
    JSON.stringify({
      pages: pages.length,
      source: fromCorpus ? "corpus" : "generated",
      languages: LANGS,
      ours_ms_per_page: Math.round(oursMs * 1000) / 1000,
      yoast_ms_per_page: Math.round(yoastMs * 100) / 100,
      speed_ratio: Math.round((yoastMs / oursMs) * 10) / 10,
      generated_pages: generated.length,
      agreement: onGenerated.agreement,
      disagreements: onGenerated.disagreements,
      real_pages: fromCorpus ? pages.length : null,
      agreement_real_pages: fromCorpus ? onTimed.agreement : null,
      disagreements_real_pages: fromCorpus ? onTimed.disagreements : null,
      // Wall-clock seconds of the audit loop (product generation included), single-threaded;
      // on a shared machine this includes waiting for a core (see catalog_load_average).
      catalog_100k_seconds: catalog?.seconds ?? null,
      catalog_cpu_seconds: catalog?.cpuSeconds ?? null,
      // Peak resident memory of the catalog process (OS maxRSS), all included: Node, tsx, modules.
      catalog_peak_mb: catalog?.peakRssMb ?? null,
      catalog_process_baseline_mb: catalog?.baselineRssMb ?? null,
      catalog_peak_heap_used_mb: catalog?.peakHeapMb ?? null,
      catalog_heap_limit_mb: catalog ? CATALOG_HEAP_LIMIT_MB : null,
      catalog_products: catalog?.products ?? null,
      catalog_load_average: catalog ? Math.round(Math.max(loadBefore, loadDuringCatalog) * 10) / 10 : null,
      load_average: Math.round((loadavg()[0] ?? 0) * 10) / 10,
    }),
  );
}

main();
