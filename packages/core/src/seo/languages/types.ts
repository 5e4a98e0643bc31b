import type { Language } from "../../i18n/index.js";

/** Counts a text needs for a reading-ease formula. */
export interface TextStats {
  sentences: number;
  words: number;
  syllables: number;
  /** Words of four syllables or more (Pisarek's "hard words"). */
  longWords: number;
  /** Content characters (ja/zh measures). */
  chars: number;
  /** The text itself, for character-class measures (ja, zh). */
  text: string;
}

export interface ReadingEase {
  /** Name of the formula, e.g. "flesch-kincaid-reading-ease", "kandel-moles". */
  formula: string;
  /** Ease on a 0–100 scale: higher is easier. */
  score: number;
  /** The formula's own value before mapping (equals `score` for Flesch-type formulas). */
  raw: number;
}

/**
 * Everything language-specific the audit needs. Word lists are stored folded (lowercase, no
 * diacritics) because they are matched against folded tokens.
 */
export interface LanguageProfile {
  language: Language;
  /** Japanese and Chinese: no spaces between words, character-based measures. */
  cjk: boolean;
  functionWords: ReadonlySet<string>;
  /** Articles/determiners skipped when comparing sentence beginnings ("The bag… The strap…"). */
  articles: ReadonlySet<string>;
  /** Single- and multi-word transition expressions, folded, words joined by one space. */
  transitionWords: ReadonlySet<string>;
  /** Light stemmer over folded words: at least plural → singular. */
  stem(folded: string): string;
  /** Syllables in one lowercase word (accents kept). */
  syllables(word: string): number;
  /** Whether a sentence (its words lowercased, and its text) is in the passive voice. */
  isPassive(words: readonly string[], sentence: string): boolean;
  readingEase(stats: TextStats): ReadingEase;
  /** Sentences longer than this (words; characters for ja/zh) count as long. */
  maxSentenceLength: number;
}

/** Builds a set from a whitespace- or comma-separated list, one entry per line or comma. */
export function wordSet(list: string): ReadonlySet<string> {
  return new Set(
    list
      .split(/[,\n]/)
      .map((w) => w.trim())
      .filter((w) => w !== ""),
  );
}

/** Builds a set from a space-separated list of single words. */
export function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((w) => w !== ""));
}

/** Counts maximal runs of characters in `vowels`. */
export function vowelGroups(word: string, vowels: ReadonlySet<string>): number {
  let groups = 0;
  let inGroup = false;
  for (const ch of word) {
    const v = vowels.has(ch);
    if (v && !inGroup) groups++;
    inGroup = v;
  }
  return groups;
}

export const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));
export const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Flesch-type formulas share the averages; guarded against empty texts. */
export function averages(s: TextStats): { asl: number; asw: number; s100: number } {
  const words = Math.max(1, s.words);
  const sentences = Math.max(1, s.sentences);
  return { asl: words / sentences, asw: s.syllables / words, s100: (s.syllables * 100) / words };
}

export function ease(formula: string, raw: number): ReadingEase {
  return { formula, raw: round1(raw), score: round1(clamp(raw, 0, 100)) };
}

/**
 * Passive detector for languages where an auxiliary (be/être/ser/…) is followed, within a few
 * words, by a past participle.
 */
export function auxiliaryThenParticiple(
  words: readonly string[],
  auxiliaries: ReadonlySet<string>,
  isParticiple: (w: string) => boolean,
  window = 3,
  // Italian and Portuguese need the accent: "è"/"é" is "is", "e" is "and".
  foldAuxiliary = true,
): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? "";
    if (!auxiliaries.has(foldAuxiliary ? stripAccents(w) : w)) continue;
    for (let j = i + 1; j <= i + window && j < words.length; j++) {
      if (isParticiple(words[j] ?? "")) return true;
    }
  }
  return false;
}

/** Removes diacritics only ("été" → "ete"); auxiliaries are listed without them. */
const STRIPPED = new Map<string, string>();
export function stripAccents(word: string): string {
  if (!/[^\u0020-\u007e]/.test(word)) return word;
  // Cached: passive-voice detection asks for every accented word of every sentence.
  let out = STRIPPED.get(word);
  if (out === undefined) {
    out = word.normalize("NFD").replace(/\p{M}+/gu, "");
    if (STRIPPED.size > 50_000) STRIPPED.clear();
    STRIPPED.set(word, out);
  }
  return out;
}

/**
 * Syllables for Spanish, Italian and Portuguese: each vowel group is one syllable, except that two
 * strong vowels side by side (a, e, o and accented í/ú) are in hiatus and split ("a-é-re-o").
 */
export function romanceSyllables(
  word: string,
  strong: ReadonlySet<string>,
  weak: ReadonlySet<string>,
): number {
  let n = 0;
  let prev: "none" | "strong" | "weak" = "none";
  let prev2: "none" | "strong" | "weak" = "none";
  const last = word.length - 1;
  for (let i = 0; i <= last; i++) {
    const ch = word[i] ?? "";
    // "y" is a vowel only at the end of a word ("muy", "hoy") or alone (Spanish "y").
    const isWeak = weak.has(ch) || (ch === "y" && (i === last || word.length === 1));
    const isStrong = strong.has(ch);
    if (!isWeak && !isStrong) {
      prev2 = prev;
      prev = "none";
      continue;
    }
    if (prev === "none") n++;
    else if (isStrong && prev === "strong") n++;
    // A weak vowel between two strong ones opens a new syllable: ac-cià-io, te-la-io.
    else if (isStrong && prev === "weak" && prev2 === "strong") n++;
    prev2 = prev;
    prev = isStrong ? "strong" : "weak";
  }
  return Math.max(word.length > 0 ? 1 : 0, n);
}
