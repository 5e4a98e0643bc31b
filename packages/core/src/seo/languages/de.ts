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
// English loanwords common in German product copy, pronounced as in English (silent "e",
// "ea"/"ee" as one vowel): counted from this table, also as the first part of a compound
// ("Softwarepaket" = 2 + 2).
const LOANWORDS: ReadonlyMap<string, number> = new Map([
  ["software", 2],
  ["hardware", 2],
  ["feature", 2],
  ["features", 2],
  ["online", 2],
  ["offline", 2],
  ["service", 2],
  ["services", 3],
  ["notebook", 2],
  ["smartphone", 2],
  ["smartphones", 2],
  ["iphone", 2],
  ["headphone", 2],
  ["interface", 3],
  ["stream", 1],
  ["streamen", 2],
  ["streaming", 2],
  ["home", 1],
  ["homepage", 2],
  ["one", 1],
  ["chance", 1],
  ["chancen", 2],
  ["time", 1],
  ["timer", 2],
  ["game", 1],
  ["games", 1],
  ["gaming", 2],
  ["office", 2],
  ["share", 1],
  ["business", 2],
  ["workstation", 3],
  ["sharing", 2],
  ["style", 1],
  ["design", 2],
  ["designs", 2],
  ["update", 2],
  ["updates", 2],
  ["upgrade", 2],
  ["shop", 1],
  ["store", 1],
  ["cable", 2],
  ["drive", 1],
  ["wireless", 2],
  ["remote", 2],
  ["power", 2],
  ["steady", 2],
  ["easy", 2],
  ["phone", 1],
]);
const LOAN_PREFIXES = [...LOANWORDS.keys()].sort((a, b) => b.length - a.length);

function nativeSyllables(w: string): number {
  let n = vowelGroups(w, VOWELS);
  if (/(eue|aue|äue)/.test(w)) n++; // Feu-er, Mau-er
  if (/(i[au]|e[ao]|uo)/.test(w) && !/ieu/.test(w)) n++; // Ra-di-o, The-a-ter, Vi-de-o
  if (/eie/.test(w)) n++; // Da-tei-en
  if (/^(ge|be)e[iu]/.test(w)) n++; // ge-eig-net, be-ein-dru-ckend
  if (/äi|[^qg]ui|[^q]ua/.test(w)) n++; // eu-ro-pä-i-sch, in-tu-i-tiv, Si-tu-a-tion
  return n;
}

function syllables(word: string): number {
  const w = word.replace(/[^a-zäöüß]/g, "");
  if (w.length === 0) return 0;
  const exact = LOANWORDS.get(w);
  if (exact !== undefined) return exact;
  for (const loan of LOAN_PREFIXES) {
    if (w.length > loan.length + 2 && w.startsWith(loan)) {
      return (LOANWORDS.get(loan) ?? 1) + Math.max(1, nativeSyllables(w.slice(loan.length)));
    }
  }
  return Math.max(1, nativeSyllables(w));
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
