import { parseProductHtml, type ParsedHtml, type TextBlock } from "./html.js";
import { prepareKeyphrase, stemOf, type Keyphrase } from "./keyphrase.js";
import { languageProfile, type LanguageProfile, type ReadingEase } from "./languages/index.js";
import type { SeoProduct } from "./schema.js";
import { cjkWords, countContentChars, fold, hasLetter, latinWords, splitSentences } from "./text.js";

export interface AnalyzedSentence {
  text: string;
  /** Words (CJK: segmented words). */
  wordCount: number;
  /** Length used for "long sentence": words, or characters for ja/zh. */
  length: number;
  /** Lowercased words without diacritics (CJK: the segmented words). */
  folded: string[];
  stems: string[];
  functionFlags: boolean[];
  passive: boolean;
  transition: boolean;
  /** First word(s), folded, to spot repetitive beginnings. */
  start: string;
}

export interface AnalyzedBlock extends TextBlock {
  sentences: AnalyzedSentence[];
  wordCount: number;
  chars: number;
}

export interface AuditImage {
  src: string;
  alt: string;
  hasAlt: boolean;
  source: "product" | "description";
}

/** Everything checks read, computed in one pass over the parsed description. */
export interface Analysis {
  product: SeoProduct;
  profile: LanguageProfile;
  html: ParsedHtml;
  blocks: AnalyzedBlock[];
  sentences: AnalyzedSentence[];
  wordCount: number;
  /** Words with letters (numbers excluded), for the reading-ease formulas. */
  letterWordCount: number;
  chars: number;
  syllables: number;
  longWords: number;
  /** Words in capitals (≥ 2 letters), words with case, and runs of 3+ capitalised words. */
  caps: { words: number; cased: number; runs: number };
  readingEase: ReadingEase | undefined;
  keyphrase: Keyphrase | undefined;
  /** The keyphrase and its synonyms, for checks that accept either. */
  keyphrases: Keyphrase[];
  /** Occurrences of the main keyphrase in the description. */
  keyphraseCount: number;
  images: AuditImage[];
}

interface WordInfo {
  folded: string;
  stem: string;
  isFunction: boolean;
  /** 0 for tokens without letters (numbers). */
  syllables: number;
}

// One lookup per token instead of four (fold, stem, function word, syllables): product copy
// repeats its words, so almost every token is a hit.
const WORD_INFO = new Map<string, Map<string, WordInfo>>();
function wordInfo(word: string, lower: string, profile: LanguageProfile): WordInfo {
  let cache = WORD_INFO.get(profile.language);
  if (!cache) {
    cache = new Map();
    WORD_INFO.set(profile.language, cache);
  }
  const hit = cache.get(word);
  if (hit) return hit;
  const folded = fold(word);
  const info: WordInfo = {
    folded,
    stem: stemOf(word, profile),
    isFunction: profile.functionWords.has(folded),
    syllables: hasLetter(word) ? syllablesOf(lower, profile) : 0,
  };
  if (cache.size > 200_000) cache.clear();
  cache.set(word, info);
  return info;
}

const VOWEL_RE = /[aeiouyàáâãäåèéêëìíîïòóôõöùúûüýÿąęœæ]/;
const SYLLABLE_CACHE = new Map<string, Map<string, number>>();
function syllablesOf(word: string, profile: LanguageProfile): number {
  let cache = SYLLABLE_CACHE.get(profile.language);
  if (!cache) {
    cache = new Map();
    SYLLABLE_CACHE.set(profile.language, cache);
  }
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  // Tokens without a vowel ("cm", "hd", Polish "w") carry no syllable, as in Yoast's counter;
  // a "word" of hundreds of letters is garbage (base64, run-on import residue): cap the cost.
  const n = !VOWEL_RE.test(word)
    ? 0
    : word.length > 40
      ? Math.ceil(word.length / 3)
      : profile.syllables(word);
  if (cache.size > 100_000) cache.clear();
  cache.set(word, n);
  return n;
}

const MAX_TRANSITION_WORDS = 4;
const FIRST_WORDS = new WeakMap<LanguageProfile, ReadonlySet<string>>();
/** First words of multi-word transitions: only those start an n-gram lookup. */
function firstWordsOf(profile: LanguageProfile): ReadonlySet<string> {
  let set = FIRST_WORDS.get(profile);
  if (!set) {
    set = new Set(
      [...profile.transitionWords].filter((t) => t.includes(" ")).map((t) => t.split(" ")[0] ?? ""),
    );
    FIRST_WORDS.set(profile, set);
  }
  return set;
}

function hasTransition(folded: readonly string[], profile: LanguageProfile): boolean {
  const firstWords = firstWordsOf(profile);
  for (let i = 0; i < folded.length; i++) {
    let phrase = folded[i] ?? "";
    if (profile.transitionWords.has(phrase)) return true;
    if (!firstWords.has(phrase)) continue;
    for (let k = 1; k < MAX_TRANSITION_WORDS && i + k < folded.length; k++) {
      phrase += ` ${folded[i + k] ?? ""}`;
      if (profile.transitionWords.has(phrase)) return true;
    }
  }
  return false;
}

interface Accumulator {
  syllables: number;
  longWords: number;
  letterWords: number;
  caps: { words: number; cased: number; runs: number };
}

function analyzeSentence(text: string, profile: LanguageProfile, acc: Accumulator): AnalyzedSentence {
  if (profile.cjk) {
    const ws = cjkWords(text, profile.language === "ja" ? "ja" : "zh-CN");
    let transition = false;
    for (const t of profile.transitionWords) {
      if (text.includes(t)) {
        transition = true;
        break;
      }
    }
    const chars = countContentChars(text);
    acc.letterWords += ws.length;
    return {
      text,
      wordCount: ws.length,
      length: chars,
      folded: ws,
      stems: ws,
      functionFlags: ws.map((w) => profile.functionWords.has(w)),
      passive: profile.isPassive(ws, text),
      transition,
      start: ws[0] ?? "",
    };
  }
  const ws = latinWords(text);
  const lower: string[] = [];
  const folded: string[] = [];
  const stems: string[] = [];
  const functionFlags: boolean[] = [];
  let capsRun = 0;
  for (const w of ws) {
    const l = w.toLowerCase();
    if (l !== w || w.toUpperCase() !== w) {
      acc.caps.cased++;
      if (l !== w && w === w.toUpperCase() && w.length >= 2) {
        acc.caps.words++;
        if (++capsRun === 3) acc.caps.runs++;
      } else capsRun = 0;
    }
    const info = wordInfo(w, l, profile);
    lower.push(l);
    folded.push(info.folded);
    stems.push(info.stem);
    functionFlags.push(info.isFunction);
    acc.syllables += info.syllables;
    if (info.syllables >= 4) acc.longWords++;
  }
  // Reading-ease formulas count words as written units between spaces: "full-zip" and
  // "wash/dry" are one word each (their syllables all count), as in Flesch's and Yoast's counts.
  acc.letterWords += readingEaseWords(text);
  const first = folded[0] ?? "";
  const start = profile.articles.has(first) && folded.length > 1 ? `${first} ${folded[1] ?? ""}` : first;
  return {
    text,
    wordCount: ws.length,
    length: ws.length,
    folded,
    stems,
    functionFlags,
    passive: profile.isPassive(lower, text),
    transition: hasTransition(folded, profile),
    start,
  };
}

// Marks a reader does not read as a word: sentence punctuation, quotes, brackets, dashes and
// joiners. Other symbols are read ("67%", "3/4", "$", "°", "•" items) and count as words.
const SILENT_MARK_RE = /[\s.,;:!?¿¡'"’‘“”„‟«»‹›()[\]{}\-–—_…&+×·、。，！？：；「」『』（）]/u;
const DIGIT_RE = /\p{N}/u;

/**
 * Words for the reading-ease formulas, counted as Flesch counts them: each written unit between
 * spaces is one word ("full-zip", "wash/dry"), and so are symbols and figures with symbols
 * ("67%", "3/4", "•", "€"). Bare numbers ("2024", "29,8") are left out, as their syllables are
 * (Yoast does the same), so a spec sheet's figures do not make a text look easier than it reads.
 */
export function readingEaseWords(text: string): number {
  let n = 0;
  let counted = false; // the current chunk is already counted
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ch = text[i] ?? "";
    if (c < 128 ? c === 32 || (c >= 9 && c <= 13) : /\s/.test(ch)) {
      counted = false;
      continue;
    }
    if (counted) continue;
    const isLetter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (isLetter || (!SILENT_MARK_RE.test(ch) && !DIGIT_RE.test(ch))) {
      n++;
      counted = true;
    }
  }
  return n;
}

/** Runs the one pass: parse, split, tokenise, stem, count. Never throws on odd content. */
export function analyze(product: SeoProduct): Analysis {
  const profile = languageProfile(product.language);
  const html = parseProductHtml(product.descriptionHtml);
  const acc: Accumulator = {
    syllables: 0,
    longWords: 0,
    letterWords: 0,
    caps: { words: 0, cased: 0, runs: 0 },
  };
  const blocks: AnalyzedBlock[] = [];
  const sentences: AnalyzedSentence[] = [];
  let wordCount = 0;
  let chars = 0;
  const textParts: string[] = [];
  for (const block of html.blocks) {
    const ss = splitSentences(block.text).map((s) => analyzeSentence(s, profile, acc));
    const words = ss.reduce((n, s) => n + s.wordCount, 0);
    const blockChars = profile.cjk ? ss.reduce((n, s) => n + s.length, 0) : block.text.length;
    blocks.push({ ...block, sentences: ss, wordCount: words, chars: blockChars });
    for (const s of ss) sentences.push(s);
    wordCount += words;
    chars += blockChars;
    if (profile.cjk) textParts.push(block.text);
  }

  const keyphrase = prepareKeyphrase(product.keyphrase, profile);
  const keyphrases = [keyphrase, ...product.synonyms.map((s) => prepareKeyphrase(s, profile))].filter(
    (k): k is Keyphrase => k !== undefined,
  );
  let keyphraseCount = 0;
  if (keyphrase) {
    for (const s of sentences) keyphraseCount += countInSentence(keyphrase, s);
  }

  const readableSentences = sentences.filter((s) => s.wordCount > 0).length;
  const readingEase =
    acc.letterWords > 10 && readableSentences > 0
      ? profile.readingEase({
          sentences: readableSentences,
          words: acc.letterWords,
          syllables: acc.syllables,
          longWords: acc.longWords,
          chars,
          text: profile.cjk ? textParts.join("\n") : "",
        })
      : undefined;

  const images: AuditImage[] = [
    ...product.images.map((i) => ({
      src: i.src,
      alt: i.alt.trim(),
      hasAlt: i.alt.trim() !== "",
      source: "product" as const,
    })),
    ...html.images.map((i) => ({
      src: i.src,
      alt: i.alt,
      hasAlt: i.alt !== "",
      source: "description" as const,
    })),
  ];

  return {
    product,
    profile,
    html,
    blocks,
    sentences,
    wordCount,
    letterWordCount: acc.letterWords,
    chars,
    syllables: acc.syllables,
    longWords: acc.longWords,
    caps: acc.caps,
    readingEase,
    keyphrase,
    keyphrases,
    keyphraseCount,
    images,
  };
}

/** Occurrences of the keyphrase in one sentence: the fewest occurrences of any of its content words. */
export function countInSentence(kp: Keyphrase, s: AnalyzedSentence): number {
  if (kp.cjk) {
    let min = Number.POSITIVE_INFINITY;
    const hay = s.text.toLowerCase();
    for (const part of kp.cjkParts) {
      let n = 0;
      for (let i = hay.indexOf(part); i >= 0; i = hay.indexOf(part, i + part.length)) n++;
      min = Math.min(min, n);
    }
    return Number.isFinite(min) ? min : 0;
  }
  const targets = kp.contentStems.length > 0 ? kp.contentStems : kp.stems;
  let min = Number.POSITIVE_INFINITY;
  for (const t of targets) {
    let n = 0;
    for (const st of s.stems) if (st === t) n++;
    min = Math.min(min, n);
    if (min === 0) return 0;
  }
  return Number.isFinite(min) ? min : 0;
}
