import {
  auxiliaryThenParticiple,
  averages,
  ease,
  stripAccents,
  vowelGroups,
  wordSet,
  words,
  type LanguageProfile,
} from "./types.js";

const VOWELS = new Set("aeiouyàâäéèêëîïôöûùüÿœæ");
const ETRE = words("est sont etait etaient sera seront etre ete soit soient fut furent serait seraient");
const IRREGULAR = words(`
  fait faite faits faites concu concue concus concues produit produite produits produites construit
  construite construits construites ouvert ouverte mis mise mises pris prise prises vendu vendue vendus
  vendues cousu cousue cousus cousues offert offerte offerts offertes inclus incluse incluses livre
  livree livres livrees compris comprise fourni fournie fournis fournies teint teinte teints teintes
  peint peinte peints peintes couvert couverte couverts couvertes recouvert recouverte garanti garantie
  choisi choisie choisis choisies tissu tissee tisse tisses tissees`);

/** French syllables: vowel groups, the mute final e/es dropped, "-ent" of plural verbs kept simple. */
function syllables(word: string): number {
  // The "u" of "qu"/"gu" before a vowel is not pronounced (chaque, musique, guide).
  const w = word.replace(/[^a-zàâäéèêëîïôöûùüÿœæç]/g, "").replace(/([qg])u(?=[aeioyéèê])/g, "$1");
  if (w.length === 0) return 0;
  let n = vowelGroups(w, VOWELS);
  // Written but unpronounced final e ("robe", "robes"); "é" is pronounced and not matched here.
  if (n > 1 && /[^aeiouyéèêàâîôûï]es?$/.test(w)) n--;
  // Third-person plural "-ent" is silent after typical verb stems (permettent, peuvent), never in "-ment".
  if (n > 1 && /(tt|ss|nn|ll|v|qu|gn|[bcdfgptv]r|ai[gnt]|oi[gnt])ent$/.test(w)) n--;
  if (/[aeiou]y[aeiou]/.test(w)) n++; // soy-ez, pay-er
  // Diaeresis splits a group: "naïf", "Noël".
  for (const ch of w) if (ch === "ï" || ch === "ë" || ch === "ü") n++;
  // "-ient"/"-ion"/"-ier" are often two syllables after a consonant cluster; the common "tion" is one.
  if (/[^aeiouy][bcdfgkptv][rl]i[eo]/.test(w)) n++;
  // "é" before another vowel is a hiatus: vi-dé-o, i-dé-al, cré-a-tion.
  if (/é[aiouâ]/.test(w)) n++;
  return Math.max(1, n);
}

function stem(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith("aux") && w.length > 4) return `${w.slice(0, -3)}al`;
  if (w.endsWith("eaux")) return w.slice(0, -1);
  if (w.endsWith("s") || w.endsWith("x")) w = w.slice(0, -1);
  // Feminine "-e" after a participle/adjective ending ("noire" ~ "noir", "élégante" ~ "élégant").
  if (w.length > 4 && w.endsWith("e") && /[^aeiou]e$/.test(w) && /(ir|ur|nt|ll|ss|an|in|on|ee)e$/.test(w))
    return w.slice(0, -1);
  if (w.endsWith("ee")) return w.slice(0, -1);
  return w;
}

export const fr: LanguageProfile = {
  language: "fr",
  cjk: false,
  functionWords: words(`
    le la les l un une des du de d et ou mais donc or ni car a au aux en dans sur sous par pour avec
    sans ce cet cette ces c qui que qu quoi dont ou il elle ils elles on nous vous je j tu me m te t se
    s lui leur leurs son sa ses mon ma mes ton ta tes notre nos votre vos est sont etre ete avoir ont
    plus moins tres tout tous toute toutes ne n pas y comme si chez entre vers`),
  articles: words("le la les l un une des du ce cet cette ces"),
  transitionWords: wordSet(`
    aussi, ainsi, alors, cependant, pourtant, toutefois, neanmoins, donc, car, puisque, parce que,
    en effet, de plus, en outre, par ailleurs, egalement, enfin, ensuite, puis, d'abord, premierement,
    deuxiemement, finalement, par exemple, notamment, surtout, en revanche, au contraire,
    par consequent, c'est pourquoi, grace a, bien que, tandis que, alors que, de meme, en bref,
    en resume, en fait, d'ailleurs, ainsi que, afin de, pour que, en particulier, autrement dit`),
  stem,
  syllables,
  isPassive: (ws) =>
    auxiliaryThenParticiple(
      ws,
      ETRE,
      (w) => (w.length > 3 && /(é|ée|és|ées)$/.test(w)) || IRREGULAR.has(stripAccents(w)),
      2,
    ),
  // Kandel & Moles (1958): 207 − 1.015·words/sentence − 73.6·syllables/word.
  readingEase(s) {
    const { asl, asw } = averages(s);
    return ease("kandel-moles", 207 - 1.015 * asl - 73.6 * asw);
  },
  maxSentenceLength: 20,
};
