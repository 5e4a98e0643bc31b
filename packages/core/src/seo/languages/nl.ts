import {
  auxiliaryThenParticiple,
  averages,
  ease,
  vowelGroups,
  wordSet,
  words,
  type LanguageProfile,
} from "./types.js";

const VOWELS = new Set("aeiouyéèáóú");
const DIAERESIS = new Set("ëïöü");
const WORDEN = words("word wordt worden werd werden geworden");
const PARTICIPLE = /^(ge\p{L}{2,}(d|t|en)|\p{L}{3,}eerd|\p{L}+ge\p{L}{2,}(d|t|en))$/u;

/** Dutch syllables: vowel groups with "ij" as a vowel; a diaeresis starts a new syllable (ide-ë-en). */
function syllables(word: string): number {
  const w = word.replace(/ij/g, "y").replace(/[^a-zéèáóúëïöü]/g, "");
  if (w.length === 0) return 0;
  let n = vowelGroups(w.replace(/[ëïöü]/g, "e"), VOWELS);
  for (const ch of w) if (DIAERESIS.has(ch)) n++;
  if (/i[ao]/.test(w)) n++; // ra-di-o, pi-a-no
  return Math.max(1, n);
}

function stem(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith("'s")) return w.slice(0, -2);
  let s = w;
  if (s.endsWith("en") && s.length > 4) s = s.slice(0, -2);
  else if (s.endsWith("s") && s.length > 4) s = s.slice(0, -1);
  // tassen → tass → tas
  if (s.length > 3 && s.at(-1) === s.at(-2) && !"aeiou".includes(s.at(-1) ?? "")) s = s.slice(0, -1);
  return s;
}

export const nl: LanguageProfile = {
  language: "nl",
  cjk: false,
  functionWords: words(`
    de het een en of maar in op aan met van voor bij naar uit door over onder tegen zonder om tot te is
    zijn was waren wordt worden heeft hebben ik je jij u hij zij ze wij we jullie dit dat deze die er
    niet geen ook nog al zeer heel meer dan als wanneer zo ons onze jouw uw`),
  articles: words("de het een deze dit die dat onze ons"),
  transitionWords: wordSet(`
    ook, bovendien, daarnaast, verder, echter, toch, daarom, dus, omdat, want, doordat, hoewel, terwijl,
    eerst, daarna, vervolgens, ten slotte, tot slot, uiteindelijk, bijvoorbeeld, zoals, namelijk,
    vooral, in plaats van, daarentegen, kortom, samengevat, immers, zelfs, dankzij, tevens, eveneens,
    met andere woorden, ten eerste, tegelijkertijd, aan de andere kant`),
  stem,
  syllables,
  isPassive: (ws) => auxiliaryThenParticiple(ws, WORDEN, (w) => PARTICIPLE.test(w), 30),
  // Douma (1960): 206.84 − 0.77·syllables per 100 words − 0.93·words/sentence.
  readingEase(s) {
    const { asl, s100 } = averages(s);
    return ease("douma", 206.84 - 0.77 * s100 - 0.93 * asl);
  },
  maxSentenceLength: 20,
};
