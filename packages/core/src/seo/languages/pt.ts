import {
  auxiliaryThenParticiple,
  averages,
  ease,
  romanceSyllables,
  stripAccents,
  wordSet,
  words,
  type LanguageProfile,
} from "./types.js";

const STRONG = new Set("aeoáéóâêôãõàíú");
const WEAK = new Set("iuü");
const SER = words("é são foi foram era eram será serão sido ser seja sejam seria seriam sendo");
const IRREGULAR = words(`
  feito feita feitos feitas escrito escrita posto posta aberto aberta coberto coberta impresso
  impressa incluido incluida incluidos incluidas entregue entregues`);
const PARTICIPLE = /(ado|ada|ados|adas|ido|ida|idos|idas)$/;

function stem(w: string): string {
  if (w.length <= 3) return w;
  if (/(oes|aes|aos)$/.test(w)) return `${w.slice(0, -3)}ao`;
  if (w.endsWith("ns")) return `${w.slice(0, -2)}m`;
  if (/[aeou]is$/.test(w) && w.length > 4) return `${w.slice(0, -2)}l`;
  if (/[rzs]es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("s")) return w.slice(0, -1);
  return w;
}

/** Nasal diphthongs "ão", "õe", "ãe" are one syllable: the second vowel is a glide there. */
function syllables(word: string): number {
  const w = word
    .replace(/[^a-záéíóúâêôãõàüç]/g, "")
    .replace(/ão/g, "ã")
    .replace(/õe/g, "õ")
    .replace(/ãe/g, "ã");
  // A rising pair before a consonant is usually a hiatus (ma-te-ri-al, di-as, am-bi-en-te), but
  // not after q/g (qua-dro) and not word-finally, where it glides (his-tó-ria).
  const hiatus = w.match(/(?<![qg])[iu][aeoáéóâêô](?=[^aeiouáéíóúâêôãõ])/g)?.length ?? 0;
  return romanceSyllables(w, STRONG, WEAK) + hiatus;
}

export const pt: LanguageProfile = {
  language: "pt-BR",
  cjk: false,
  functionWords: words(`
    o a os as um uma uns umas de do da dos das em no na nos nas por pelo pela pelos pelas para com sem
    sob sobre e ou mas que quem qual como quando onde seu sua seus suas meu minha se lhe e sao ser foi
    esta estao muito mais menos este esta isso isto esse essa nao sim tambem ao aos`),
  articles: words("o a os as um uma uns umas este esta nosso nossa"),
  transitionWords: wordSet(`
    alem disso, tambem, ainda, porem, contudo, entretanto, todavia, no entanto, portanto, assim, logo,
    por isso, porque, pois, ja que, embora, enquanto, primeiro, depois, entao, finalmente, por fim,
    por exemplo, ou seja, isto e, em vez de, por outro lado, especialmente, sobretudo, em resumo,
    gracas a, apesar de, de fato, inclusive, alem de, para que, em particular, da mesma forma`),
  stem,
  syllables,
  isPassive: (ws) =>
    auxiliaryThenParticiple(
      ws,
      SER,
      (w) => (w.length > 4 && PARTICIPLE.test(stripAccents(w))) || IRREGULAR.has(stripAccents(w)),
      2,
      false,
    ),
  // Martins et al. (1996), Flesch adapted to Portuguese: 248.835 − 1.015·ASL − 84.6·ASW.
  readingEase(s) {
    const { asl, asw } = averages(s);
    return ease("flesch-martins", 248.835 - 1.015 * asl - 84.6 * asw);
  },
  maxSentenceLength: 25,
};
