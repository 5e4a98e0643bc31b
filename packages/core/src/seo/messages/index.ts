import { translate, type Language, type MessageCatalog } from "../../i18n/index.js";
import { de } from "./de.js";
import { en, type MessageKey } from "./en.js";
import { es } from "./es.js";
import { fr } from "./fr.js";
import { it } from "./it.js";
import { ja } from "./ja.js";
import { nl } from "./nl.js";
import { pl } from "./pl.js";
import { pt } from "./pt.js";
import { zh } from "./zh.js";

export type { MessageKey } from "./en.js";

/** Every SEO message in the ten languages; `findCatalogGaps(seoMessages)` is empty (tested). */
export const seoMessages: MessageCatalog<MessageKey> = {
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

/**
 * Renders a message key from a check result in one of the ten languages.
 *
 * @example
 * formatMessage("fr", check.messageKey, check.params) // "Longueur du texte : 240 mots. Bien."
 */
export function formatMessage(
  language: Language,
  key: MessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return translate(seoMessages, language, key, params);
}
