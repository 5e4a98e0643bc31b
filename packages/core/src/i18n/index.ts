/**
 * The ten languages NinjaLead writes and speaks, and a small typed message catalog helper.
 * Catalogs are plain objects so apps can ship them to the browser as JSON.
 */

export const LANGUAGES = ["en", "fr", "es", "de", "it", "pt-BR", "nl", "pl", "ja", "zh-CN"] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language's name in itself, for language pickers. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: "English",
  fr: "Français",
  es: "Español",
  de: "Deutsch",
  it: "Italiano",
  "pt-BR": "Português (Brasil)",
  nl: "Nederlands",
  pl: "Polski",
  ja: "日本語",
  "zh-CN": "简体中文",
};

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Maps any BCP 47 locale ("fr-CA", "pt", "zh-Hans-CN", "EN_us") to one of our ten languages,
 * or `fallback` when we do not support it.
 *
 * @example
 * normalizeLanguage("pt-PT") // "pt-BR"
 */
export function normalizeLanguage(locale: string | null | undefined, fallback: Language = "en"): Language {
  if (!locale) return fallback;
  const tag = locale.trim().replace(/_/g, "-").toLowerCase();
  const exact = LANGUAGES.find((l) => l.toLowerCase() === tag);
  if (exact) return exact;
  const base = tag.split("-")[0] ?? "";
  switch (base) {
    case "pt":
      return "pt-BR";
    case "zh":
      return "zh-CN";
    default:
      return isLanguage(base) ? base : fallback;
  }
}

/** A catalog: for each language, message key → template with `{param}` placeholders. */
export type MessageCatalog<K extends string = string> = Readonly<
  Record<Language, Readonly<Record<K, string>>>
>;

/**
 * Renders `key` in `language`, replacing `{name}` placeholders with `params`. Falls back to English,
 * then to the key itself, so a missing translation is visible but never crashes.
 *
 * @example
 * translate(catalog, "fr", "words", { count: 3 }) // "3 mots"
 */
export function translate<K extends string>(
  catalog: MessageCatalog<K>,
  language: Language,
  key: K,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const template = catalog[language][key] ?? catalog.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    return value === undefined ? match : String(value);
  });
}

/** Lists keys missing or empty in any language, and placeholders that differ from English. */
export function findCatalogGaps<K extends string>(catalog: MessageCatalog<K>): string[] {
  const gaps: string[] = [];
  const keys = Object.keys(catalog.en) as K[];
  const placeholders = (s: string): string =>
    [...s.matchAll(/\{(\w+)\}/g)]
      .map((m) => m[1])
      .sort()
      .join(",");
  for (const language of LANGUAGES) {
    for (const key of keys) {
      const text = catalog[language][key];
      if (!text) gaps.push(`${language}: missing "${key}"`);
      else if (placeholders(text) !== placeholders(catalog.en[key]))
        gaps.push(`${language}: placeholders differ in "${key}"`);
    }
  }
  return gaps;
}
