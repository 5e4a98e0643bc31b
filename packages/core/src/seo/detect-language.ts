import { LANGUAGES, type Language } from "../i18n/index.js";
import { languageProfile } from "./languages/index.js";
import { fold, latinWords } from "./text.js";

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAN = /\p{Script=Han}/u;

/**
 * Guesses which of the ten languages a text is in, from its script and how many of each
 * language's function words it uses. Meant for catalogs that do not say (Shopify CSV exports);
 * returns `fallback` when the text gives no signal.
 *
 * @example
 * detectLanguage("Une chemise en lin pour l'été") // "fr"
 */
export function detectLanguage(text: string, fallback: Language = "en"): Language {
  const sample = text.slice(0, 5000);
  if (KANA.test(sample)) return "ja";
  if (HAN.test(sample)) return "zh-CN";
  const words = latinWords(sample).slice(0, 400).map(fold);
  if (words.length === 0) return fallback;
  let best: Language = fallback;
  let bestHits = 0;
  for (const language of LANGUAGES) {
    const profile = languageProfile(language);
    if (profile.cjk) continue;
    let hits = 0;
    for (const w of words) if (profile.functionWords.has(w)) hits++;
    if (hits > bestHits) [best, bestHits] = [language, hits];
  }
  return bestHits >= 2 ? best : fallback;
}
