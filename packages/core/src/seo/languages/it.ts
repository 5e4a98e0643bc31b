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

const STRONG = new Set("aeoàèéòóìíùú");
const WEAK = new Set("iu");
const AUX = words(`
  è sono era erano fu furono sarà saranno stato stata stati state essere sia siano viene vengono
  veniva venivano venne vennero verrà verranno`);
const IRREGULAR = words(`
  fatto fatta fatti fatte prodotto prodotta prodotti prodotte scritto scritta messo messa incluso
  inclusa inclusi incluse chiuso chiusa aperto aperta coperto coperta rivestito rivestita dipinto
  dipinta stampato stampata`);
const PARTICIPLE = /(ato|ata|ati|ate|ito|ita|iti|ite|uto|uta|uti|ute)$/;

function stem(w: string): string {
  if (w.length <= 3) return w;
  // Plural and gender change the final vowel: borsa/borse, zaino/zaini, tasca/tasche.
  if (/(che|chi|ghe|ghi)$/.test(w)) return w.slice(0, -2);
  if (/[aeio]$/.test(w)) return w.slice(0, -1);
  return w;
}

export const it: LanguageProfile = {
  language: "it",
  cjk: false,
  functionWords: words(`
    il lo la i gli le l un uno una di del dello della dei degli delle d a al allo alla ai agli alle da
    dal dalla dai in nel nello nella nei con su sul sulla per tra fra e ed o ma che chi cui non e sono
    essere ha hanno si ci ne mi ti vi suo sua suoi sue loro questo questa questi queste quello quella
    molto piu anche come se`),
  articles: words("il lo la i gli le un uno una l questo questa"),
  transitionWords: wordSet(`
    inoltre, anche, infatti, pero, tuttavia, comunque, quindi, dunque, percio, pertanto, poiche, perche,
    siccome, sebbene, benche, mentre, prima, poi, dopo, infine, finalmente, ad esempio, per esempio,
    cioe, ovvero, invece, al contrario, in particolare, soprattutto, in sintesi, in conclusione,
    grazie a, nonostante, allo stesso modo, in effetti, oltre a, affinche, cosi, d'altra parte`),
  stem,
  syllables: (w) => romanceSyllables(w.replace(/[^a-zàèéìíòóùú]/g, ""), STRONG, WEAK),
  isPassive: (ws) =>
    auxiliaryThenParticiple(
      ws,
      AUX,
      (w) => (w.length > 4 && PARTICIPLE.test(stripAccents(w))) || IRREGULAR.has(stripAccents(w)),
      2,
      false,
    ),
  // Flesch–Vacca (Franchina & Vacca 1972): 217 − 1.3·words/sentence − 0.6·syllables per 100 words.
  readingEase(s) {
    const { asl, s100 } = averages(s);
    return ease("flesch-vacca", 217 - 1.3 * asl - 0.6 * s100);
  },
  maxSentenceLength: 25,
};
