import { createRequire } from "node:module";
import type { Language } from "@ninjalead/core/i18n";

const require = createRequire(import.meta.url);
const cache = new Map<Language, Record<string, unknown>>();

/** Polaris' own translations for the admin user's language (Polaris ships all ten of ours). */
export function polarisTranslations(language: Language): Record<string, unknown> {
  let translations = cache.get(language);
  if (!translations) {
    translations = require(`@shopify/polaris/locales/${language}.json`) as Record<string, unknown>;
    cache.set(language, translations);
  }
  return translations;
}
