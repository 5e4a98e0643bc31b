import {
  auxiliaryThenParticiple,
  clamp,
  round1,
  stripAccents,
  wordSet,
  words,
  type LanguageProfile,
} from "./types.js";

const VOWELS = new Set("aeiouyąęó");
const ZOSTAC = words("zostal zostala zostalo zostaly zostali zostanie zostana zostac zostaje zostaja");
const BYC = words("jest sa byl byla bylo byly byli bedzie beda");
const PARTICIPLE_AFTER_ZOSTAC = /(ny|na|ne|ni|ty|ta|te|ci|ony|ona|one|eni)$/;
// After "być", adjectives also end in -ny/-na ("jest piękna"), so require a participle-specific ending.
const PARTICIPLE_AFTER_BYC = /(any|ana|ane|ani|ony|ona|one|eni|yty|yta|yte|ity|ita|ite)$/;

/** Polish syllables: every vowel is a nucleus, except "i" before a vowel, which only softens (nie, się). */
function syllables(word: string): number {
  const w = word.replace(/[^a-ząćęłńóśźż]/g, "");
  let n = 0;
  for (let i = 0; i < w.length; i++) {
    const ch = w[i] ?? "";
    if (!VOWELS.has(ch)) continue;
    if (ch === "i" && VOWELS.has(w[i + 1] ?? "")) continue;
    n++;
  }
  return Math.max(w.length > 0 ? 1 : 0, n);
}

const ENDINGS = [
  "ami",
  "ach",
  "ego",
  "emu",
  "ymi",
  "imi",
  "ych",
  "ich",
  "ow",
  "om",
  "ej",
  "em",
  "a",
  "y",
  "i",
  "e",
  "o",
  "u",
];
function stem(w: string): string {
  for (const e of ENDINGS) if (w.endsWith(e) && w.length - e.length >= 3) return w.slice(0, -e.length);
  return w;
}

export const pl: LanguageProfile = {
  language: "pl",
  cjk: false,
  functionWords: words(`
    i w na z do o od po przez dla bez pod nad przed za u a ale lub albo czy ze to ten ta te tego jest sa
    byl byla bylo byc sie nie tak jak jego jej ich moj twoj nasz wasz ktory ktora ktore co gdy bardzo
    wiecej juz tez takze oraz we ku`),
  articles: words("ten ta to te nasz nasza nasze"),
  transitionWords: wordSet(`
    takze, rowniez, ponadto, poza tym, jednak, jednakze, ale, lecz, natomiast, dlatego, wiec, zatem,
    poniewaz, bo, gdyz, chociaz, choc, mimo ze, podczas gdy, najpierw, nastepnie, potem, wreszcie,
    w koncu, na przyklad, czyli, mianowicie, zwlaszcza, szczegolnie, przede wszystkim, zamiast,
    w rezultacie, w skrocie, podsumowujac, dzieki, oprocz tego, a takze, z kolei`),
  stem,
  syllables,
  isPassive: (ws) => {
    const folded = ws.map((w) => stripAccents(w).replace(/ł/g, "l"));
    return (
      auxiliaryThenParticiple(folded, ZOSTAC, (w) => w.length > 4 && PARTICIPLE_AFTER_ZOSTAC.test(w), 2) ||
      auxiliaryThenParticiple(folded, BYC, (w) => w.length > 5 && PARTICIPLE_AFTER_BYC.test(w), 1)
    );
  },
  // Pisarek (1969), "new formula": L = ½·√(ASL² + HW²), HW = % words of ≥4 syllables. L is a school
  // grade (1–4 very easy, 7–9 plain, ≥16 very hard); mapped to ease = 120 − 8·L so that L ≤ 7.5
  // (plain language, Jasnopis) scores ≥ 60.
  readingEase(s) {
    const asl = s.words / Math.max(1, s.sentences);
    const hw = (100 * s.longWords) / Math.max(1, s.words);
    const l = 0.5 * Math.sqrt(asl * asl + hw * hw);
    return { formula: "pisarek", raw: round1(l), score: round1(clamp(120 - 8 * l, 0, 100)) };
  },
  maxSentenceLength: 20,
};
