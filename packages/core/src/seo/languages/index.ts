import type { Language } from "../../i18n/index.js";
import { de } from "./de.js";
import { en } from "./en.js";
import { es } from "./es.js";
import { fr } from "./fr.js";
import { it } from "./it.js";
import { ja } from "./ja.js";
import { nl } from "./nl.js";
import { pl } from "./pl.js";
import { pt } from "./pt.js";
import type { LanguageProfile } from "./types.js";
import { zh } from "./zh.js";

export type { LanguageProfile, ReadingEase, TextStats } from "./types.js";

const PROFILES: Readonly<Record<Language, LanguageProfile>> = {
  en,
  fr,
  es,
  de,
  it,
  "pt-BR": pt,
  nl,
  pl,
  ja,
  "zh-CN": zh,
};

export function languageProfile(language: Language): LanguageProfile {
  return PROFILES[language];
}
