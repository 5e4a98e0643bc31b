import {
  auxiliaryThenParticiple,
  averages,
  ease,
  vowelGroups,
  wordSet,
  words,
  type LanguageProfile,
} from "./types.js";

const VOWELS = new Set("aeiouyäöü");
const WERDEN = words("wird werden wurde wurden worden werde wirst wurdest geworden");
// Past participles: ge…t / ge…en (gemacht, genäht, gewaschen) or -iert (poliert, garantiert).
const PARTICIPLE = /^(ge\p{L}{2,}(t|en)|\p{L}{3,}iert|\p{L}+ge\p{L}{2,}(t|en))$/u;

/** German syllables: vowel groups (ei, au, eu, ie, aa… are one), plus hiatus in loanwords and "-eue-". */
function syllables(word: string): number {
  const w = word.replace(/[^a-zäöüß]/g, "");
  if (w.length === 0) return 0;
  let n = vowelGroups(w, VOWELS);
  if (/(eue|aue|äue)/.test(w)) n++; // Feu-er, Mau-er
  if (/(i[au]|e[ao]|uo)/.test(w) && !/ieu/.test(w)) n++; // Ra-di-o, The-a-ter, Vi-de-o
  if (/eie/.test(w)) n++; // Da-tei-en
  return Math.max(1, n);
}

function stem(w: string): string {
  if (w.length <= 4) return w;
  for (const suffix of ["ern", "en", "er", "es", "e", "n", "s"]) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) return w.slice(0, -suffix.length);
  }
  return w;
}

export const de: LanguageProfile = {
  language: "de",
  cjk: false,
  functionWords: words(`
    der die das den dem des ein eine einen einem einer eines und oder aber doch in im an am auf aus bei
    mit nach von vom zu zum zur fur uber unter vor hinter neben zwischen durch gegen ohne um ist sind war
    waren sein hat haben wird werden es er sie wir ihr ich du sich nicht kein keine auch noch nur sehr
    mehr als wie wenn dass so ja ihre ihr unser unsere dieser diese dieses`),
  articles: words(
    "der die das den dem des ein eine einen einem einer eines dieser diese dieses unser unsere",
  ),
  transitionWords: wordSet(`
    ausserdem, zudem, ebenfalls, dennoch, jedoch, trotzdem, allerdings, deshalb, deswegen, daher, darum,
    somit, folglich, weil, denn, obwohl, wahrend, zuerst, erstens, zweitens, danach, anschliessend,
    schliesslich, zum beispiel, beispielsweise, insbesondere, vor allem, stattdessen, hingegen,
    im gegensatz, kurz gesagt, zusammenfassend, tatsachlich, namlich, sowie, dank, damit, gleichzeitig,
    ferner, dadurch, einerseits, andererseits, also, auch`),
  stem,
  syllables,
  // German puts the participle at the end of the clause, so the window spans the sentence.
  isPassive: (ws) => auxiliaryThenParticiple(ws, WERDEN, (w) => PARTICIPLE.test(w), 30),
  // Amstad (1978): 180 − words/sentence − 58.5·syllables/word.
  readingEase(s) {
    const { asl, asw } = averages(s);
    return ease("amstad", 180 - asl - 58.5 * asw);
  },
  maxSentenceLength: 20,
};
