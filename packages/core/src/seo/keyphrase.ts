import type { LanguageProfile } from "./languages/index.js";
import { cjkWords, fold, latinWords } from "./text.js";

/** A keyphrase prepared once for matching: folded, stemmed, function words set aside. */
export interface Keyphrase {
  raw: string;
  /** Stems of every word, in order (for exact-phrase matching). */
  stems: string[];
  /** Stems of the content words (for "all words found" and counting). */
  contentStems: string[];
  /** Words in the keyphrase, and how many of them are content words. */
  wordCount: number;
  /** ja/zh: the keyphrase's parts (split on spaces), lowercased, matched as substrings. */
  cjkParts: string[];
  cjk: boolean;
}

const STEM_CACHE = new Map<string, Map<string, string>>();
/** fold + stem, cached per language: the hot path of every keyphrase check. */
export function stemOf(word: string, profile: LanguageProfile): string {
  let cache = STEM_CACHE.get(profile.language);
  if (!cache) {
    cache = new Map();
    STEM_CACHE.set(profile.language, cache);
  }
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const s = profile.stem(fold(word));
  if (cache.size > 100_000) cache.clear();
  cache.set(word, s);
  return s;
}

export function prepareKeyphrase(raw: string, profile: LanguageProfile): Keyphrase | undefined {
  const text = raw.trim();
  if (text === "") return undefined;
  if (profile.cjk) {
    const parts = text
      .toLowerCase()
      .split(/[\s\u3000]+/)
      .filter((p) => p !== "");
    const segmented = cjkWords(text, profile.language === "ja" ? "ja" : "zh-CN");
    const content = segmented.filter((w) => !profile.functionWords.has(w));
    return {
      raw: text,
      stems: segmented,
      contentStems: content,
      wordCount: segmented.length,
      cjkParts: parts,
      cjk: true,
    };
  }
  const ws = latinWords(text);
  if (ws.length === 0) return undefined;
  const stems = ws.map((w) => stemOf(w, profile));
  const content = ws.filter((w) => !profile.functionWords.has(fold(w))).map((w) => stemOf(w, profile));
  return { raw: text, stems, contentStems: content, wordCount: ws.length, cjkParts: [], cjk: false };
}

export interface PhraseMatch {
  /** Every content word of the keyphrase occurs. */
  allWords: boolean;
  /** The whole keyphrase occurs as a phrase (word forms allowed). */
  exact: boolean;
  /** Index of the first exact match, counted in words and ignoring leading function words. */
  position: number;
  /** How many times the keyphrase occurs (min over its content words). */
  count: number;
}

const NO_MATCH: PhraseMatch = { allWords: false, exact: false, position: -1, count: 0 };

/** Matches a keyphrase in already stemmed tokens (Latin scripts). */
export function matchStems(
  kp: Keyphrase,
  stems: readonly string[],
  functionFlags?: readonly boolean[],
): PhraseMatch {
  const targets = kp.contentStems.length > 0 ? kp.contentStems : kp.stems;
  if (targets.length === 0 || stems.length === 0) return NO_MATCH;
  const counts = new Map<string, number>();
  for (const t of targets) counts.set(t, 0);
  let position = -1;
  let contentBefore = 0;
  const first = kp.stems[0] ?? "";
  for (let i = 0; i < stems.length; i++) {
    const s = stems[i] ?? "";
    const c = counts.get(s);
    if (c !== undefined) counts.set(s, c + 1);
    if (position < 0 && s === first) {
      let ok = true;
      for (let j = 1; j < kp.stems.length; j++) {
        if (stems[i + j] !== kp.stems[j]) {
          ok = false;
          break;
        }
      }
      if (ok) position = contentBefore;
    }
    if (functionFlags?.[i] !== true) contentBefore++;
  }
  let count = Number.POSITIVE_INFINITY;
  for (const v of counts.values()) count = Math.min(count, v);
  const allWords = count > 0;
  return { allWords, exact: position >= 0, position, count: allWords ? count : 0 };
}

/** Matches a keyphrase in CJK text by substring (no reliable word boundaries there). */
export function matchCjk(kp: Keyphrase, text: string): PhraseMatch {
  const hay = text.toLowerCase();
  const whole = kp.cjkParts.join("");
  let count = Number.POSITIVE_INFINITY;
  for (const part of kp.cjkParts) count = Math.min(count, occurrences(hay, part));
  if (!Number.isFinite(count)) count = 0;
  const compact = hay.replace(/[\s\u3000]+/g, "");
  const position = compact.indexOf(whole);
  return { allWords: count > 0, exact: position >= 0, position, count };
}

export function occurrences(hay: string, needle: string): number {
  if (needle === "") return 0;
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Matches a keyphrase in a short free text (title, meta description, alt, handle). */
export function matchText(kp: Keyphrase, text: string, profile: LanguageProfile): PhraseMatch {
  if (kp.cjk) return matchCjk(kp, text);
  const ws = latinWords(text);
  return matchStems(
    kp,
    ws.map((w) => stemOf(w, profile)),
    ws.map((w) => profile.functionWords.has(fold(w))),
  );
}

/** Best match over the keyphrase and its synonyms: exact beats all-words beats none. */
export function matchAny(kps: readonly Keyphrase[], text: string, profile: LanguageProfile): PhraseMatch {
  let best = NO_MATCH;
  for (const kp of kps) {
    const m = matchText(kp, text, profile);
    if (
      rank(m) > rank(best) ||
      (rank(m) === rank(best) && m.position >= 0 && (best.position < 0 || m.position < best.position))
    )
      best = m;
  }
  return best;
}

const rank = (m: PhraseMatch): number => (m.exact ? 2 : m.allWords ? 1 : 0);
