/**
 * Text primitives shared by every check: word tokens, sentences and normalised forms.
 * Everything here is linear in the input: no backtracking regexes on user text.
 */

// A word: letters/marks/digits, with inner apostrophes or dots ("l'eau", "3.5"). Hyphens split
// words ("full-zip" → full, zip), as in Yoast, so a keyphrase "full zip" matches "Full-Zip".
const WORD_RE = /[\p{L}\p{M}\p{N}]+(?:['’.][\p{L}\p{M}\p{N}]+)*/gu;
const HAS_LETTER_RE = /\p{L}/u;

/** Words of a Latin-script (or any space-separated) text, in order, original case. */
export function latinWords(text: string): string[] {
  return text.match(WORD_RE) ?? [];
}

/** True when the token has a letter (numbers like "2024" are not words for readability). */
export function hasLetter(token: string): boolean {
  return HAS_LETTER_RE.test(token);
}

let segmenters: Map<string, Intl.Segmenter> | undefined;
/** Word segmentation for Japanese/Chinese via ICU (spaces do not separate words there). */
export function cjkWords(text: string, locale: "ja" | "zh-CN"): string[] {
  segmenters ??= new Map();
  let seg = segmenters.get(locale);
  if (!seg) {
    seg = new Intl.Segmenter(locale, { granularity: "word" });
    segmenters.set(locale, seg);
  }
  const words: string[] = [];
  for (const s of seg.segment(text)) if (s.isWordLike === true) words.push(s.segment);
  return words;
}

const FOLD_CACHE = new Map<string, string>();
/**
 * Lowercases and removes diacritics ("Café" → "cafe", "Größe" → "grosse", "łódź" → "lodz"), so
 * keyphrases match whatever accents a merchant typed. Cached: product copy repeats words a lot.
 */
export function fold(word: string): string {
  const hit = FOLD_CACHE.get(word);
  if (hit !== undefined) return hit;
  let folded = word.toLowerCase();
  // Only pay for NFD when there is a non-ASCII character.
  if (/[^\u0020-\u007e]/.test(folded)) {
    folded = folded
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .replace(/ß/g, "ss")
      .replace(/ł/g, "l")
      .replace(/ø/g, "o")
      .replace(/æ/g, "ae")
      .replace(/œ/g, "oe")
      .replace(/’/g, "'");
  }
  if (FOLD_CACHE.size > 100_000) FOLD_CACHE.clear();
  FOLD_CACHE.set(word, folded);
  return folded;
}

const SENTENCE_END = new Set([".", "!", "?", "…", "。", "！", "？", "\n"]);
const CLOSERS = new Set(['"', "'", "”", "’", ")", "]", "»", "」", "』", "）"]);

/**
 * Splits a block into sentences. A stop ends a sentence only before whitespace + a non-lowercase
 * character (or the end), so "3.5 cm", "e.g. this" and "www.shop.com" stay whole; CJK stops end a
 * sentence anywhere. A line break (<br>) always ends one.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    // Most characters are letters: reject them on the char code before building a string.
    const code = text.charCodeAt(i);
    if (code !== 46 && code !== 33 && code !== 63 && code !== 10 && code < 0x2026) continue;
    const ch = text[i] ?? "";
    if (!SENTENCE_END.has(ch)) continue;
    let end = i + 1;
    while (end < n && (SENTENCE_END.has(text[end] ?? "") || CLOSERS.has(text[end] ?? ""))) end++;
    const cjkStop = ch === "。" || ch === "！" || ch === "？" || ch === "\n";
    if (!cjkStop && end < n) {
      const next = text[end] ?? "";
      if (next !== " " && next !== "\t" && next !== "\u00a0") continue;
      let k = end;
      while (k < n && (text[k] === " " || text[k] === "\t" || text[k] === "\u00a0")) k++;
      const after = text[k] ?? "";
      if (after !== "" && after !== after.toUpperCase() && after === after.toLowerCase() && ch === ".")
        continue;
    }
    const sentence = text.slice(start, end).trim();
    if (sentence !== "") sentences.push(sentence);
    start = end;
    i = end - 1;
  }
  const rest = text.slice(start).trim();
  if (rest !== "") sentences.push(rest);
  return sentences;
}

/** Counts characters that carry meaning (letters, digits, CJK), not spaces or punctuation. */
export function countContentChars(text: string): number {
  let n = 0;
  for (const ch of text) if (/[\p{L}\p{N}]/u.test(ch)) n++;
  return n;
}
