import {
  auxiliaryThenParticiple,
  averages,
  ease,
  vowelGroups,
  wordSet,
  words,
  type LanguageProfile,
} from "./types.js";

const VOWELS = new Set("aeiouy");
const IRREGULAR_PARTICIPLES = words(`
  made built worn sold written shown given known taken done seen held sewn woven cut set put kept
  found brought bought sent spun sewn grown drawn thrown chosen frozen broken stolen hidden shaken
  driven ridden forgotten gotten begun run sung swum won struck stuck hung dug fed led lit meant
  paid said told taught thought understood bound ground wound shot shut spread split spent lent
  dealt felt left lost slept swept wept sold shrunk sunk blown flown shed read`);
const BE = words("am is are was were be been being get gets got gotten getting");

/** English syllables: vowel groups, minus silent final e / -es / -ed, plus common hiatus. */
function syllables(word: string): number {
  const w = word.replace(/[^a-z]/g, "");
  if (w.length === 0) return 0;
  let n = vowelGroups(w, VOWELS);
  // Silent final "e" (make, stone) but not "-le" after a consonant (table), "-ee" (free), "-ie" (hoodie).
  if (w.length > 2 && w.endsWith("e") && !/(le|ee|ye|ie)$/.test(w)) n--;
  else if (w.endsWith("le") && w.length > 2 && VOWELS.has(w[w.length - 3] ?? "")) n--;
  // "-es"/"-ed" are silent unless after sibilants (boxes, chances, pages), t/d (rated) or a
  // syllabic "-le" (muscles, tables).
  if (/[^aeiouy]es$/.test(w) && !/(s|x|z|ch|sh|c|g)es$/.test(w) && !/[^aeiouy]les$/.test(w)) n--;
  if (/[^aeiouytd]ed$/.test(w)) n--;
  // Hiatus inside a vowel group: "ia" (media), "io" (radio), "iu" (stadium), but not
  // "tion"/"sion"/"shion"/"cial"/"cious".
  if (
    /[^tsc]i[aou]/.test(w) &&
    !/(tion|sion|shion|[ln]ion|cial|tial|cian|gion|cious|tious|gious|xious)/.test(w)
  )
    n++;
  if (/[aeiou]ing$/.test(w) || /ying$/.test(w)) n++;
  // Comparatives of -y adjectives: dri-er, eas-i-est.
  if (/[^aeiouy]ie(r|st)$/.test(w) && w.length > 4) n++;
  if (/ue[ld]/.test(w) || /uo/.test(w) || /ea[lt]ive/.test(w)) n++;
  if (/[^qg]ua/.test(w) || /^ua/.test(w) || /[aeiou]y[aeou]/.test(w)) n++; // du-al, lay-er
  return Math.max(1, n);
}

function stem(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith("'s")) return stem(w.slice(0, -2));
  if (w.endsWith("ies") && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith("ves") && w.length > 4) return `${w.slice(0, -3)}f`;
  if (/(s|x|z|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) return w.slice(0, -1);
  return w;
}

export const en: LanguageProfile = {
  language: "en",
  cjk: false,
  functionWords: words(`
    the a an and or but if of to in on at by for with from as is are was were be been being it its
    this that these those there here which who whom whose what when where why how all any both each
    few more most other some such no nor not only own same so than too very can will just should would
    could may might must shall do does did done have has had having i me my we our you your he him his
    she her they them their about above after again against before below between into through during
    under over up down out off then once also yours ours theirs itself via per`),
  articles: words("the a an this that these those our your"),
  transitionWords: wordSet(`
    also, besides, furthermore, moreover, additionally, however, therefore, thus, hence, consequently,
    because, since, although, though, whereas, meanwhile, finally, first, firstly, second, secondly,
    third, next, afterwards, later, instead, otherwise, similarly, likewise, nevertheless, nonetheless,
    indeed, especially, particularly, namely, overall, ultimately, accordingly, for example, for instance,
    in addition, as a result, in fact, in other words, on the other hand, in contrast, as well as,
    above all, in short, to sum up, after all, even though, so that, in particular, not only,
    at the same time, first of all, thanks to, plus, what's more, on top of that, that is why`),
  stem,
  syllables,
  isPassive: (ws) =>
    auxiliaryThenParticiple(
      ws,
      BE,
      (w) => (w.length > 3 && w.endsWith("ed")) || IRREGULAR_PARTICIPLES.has(w),
      3,
    ),
  // Flesch (1948): 206.835 − 1.015·words/sentence − 84.6·syllables/word.
  readingEase(s) {
    const { asl, asw } = averages(s);
    return ease("flesch-reading-ease", 206.835 - 1.015 * asl - 84.6 * asw);
  },
  maxSentenceLength: 20,
};
