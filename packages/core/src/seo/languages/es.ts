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

const STRONG = new Set("aeoáéóíú");
const WEAK = new Set("iuü");
const SER = words("es son fue fueron era eran sera seran sido ser sea sean seria serian siendo");
const IRREGULAR = words(`
  hecho hecha hechos hechas escrito escrita puesto puesta abierto abierta cubierto cubierta impreso
  impresa incluido incluida incluidos incluidas frito vuelto resuelto roto rota dicho visto vista`);
const PARTICIPLE = /(ado|ada|ados|adas|ido|ida|idos|idas)$/;

function stem(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith("ces")) return `${w.slice(0, -3)}z`;
  if (/[^aeiou]es$/.test(w) && w.length > 4) return w.slice(0, -2);
  if (w.endsWith("s")) return w.slice(0, -1);
  return w;
}

export const es: LanguageProfile = {
  language: "es",
  cjk: false,
  functionWords: words(`
    el la los las un una unos unas lo de del al y e o u ni pero sino en con sin por para a ante bajo
    desde entre hacia hasta sobre tras que quien cual como cuando donde su sus mi mis tu tus nuestro
    nuestra nuestros nuestras se le les me te nos es son ser esta estan fue muy mas menos este esta estos
    estas ese esa eso esto ya no si tambien hay`),
  articles: words("el la los las un una unos unas este esta estos estas nuestro nuestra"),
  transitionWords: wordSet(`
    ademas, tambien, asimismo, sin embargo, no obstante, por lo tanto, por eso, por consiguiente, asi,
    asi que, porque, ya que, puesto que, aunque, mientras, mientras que, primero, segundo, luego,
    despues, finalmente, por ultimo, por ejemplo, es decir, en cambio, por otro lado, en resumen,
    en conclusion, de hecho, incluso, especialmente, sobre todo, gracias a, a pesar de, igualmente,
    en primer lugar, ademas de, para que, entonces, pues, en particular, por otra parte`),
  stem,
  syllables: (w) => romanceSyllables(w.replace(/[^a-záéíóúüñ]/g, ""), STRONG, WEAK),
  isPassive: (ws) =>
    auxiliaryThenParticiple(
      ws,
      SER,
      (w) => (w.length > 4 && PARTICIPLE.test(stripAccents(w))) || IRREGULAR.has(stripAccents(w)),
      2,
    ),
  // Fernández Huerta (1959): 206.84 − 0.60·syllables per 100 words − 1.02·words/sentence.
  readingEase(s) {
    const { asl, s100 } = averages(s);
    return ease("fernandez-huerta", 206.84 - 0.6 * s100 - 1.02 * asl);
  },
  maxSentenceLength: 25,
};
