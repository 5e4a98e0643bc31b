import { createRequire } from "node:module";
import type { Language } from "@ninjalead/core/i18n";
import type { AppProviderProps } from "@shopify/polaris";

/** Polaris' translation dictionary type (what AppProvider's `i18n` takes). */
export type PolarisTranslations = AppProviderProps["i18n"];

const require = createRequire(import.meta.url);
const cache = new Map<Language, PolarisTranslations>();

/** Polaris' own translations for the admin user's language (Polaris ships all ten of ours). */
export function polarisTranslations(language: Language): PolarisTranslations {
  let translations = cache.get(language);
  if (!translations) {
    translations = require(`@shopify/polaris/locales/${language}.json`) as PolarisTranslations;
    cache.set(language, translations);
  }
  return translations;
}
