import { translate, type Language } from "@ninjalead/core/i18n";
import { appMessages, type AppMessageKey } from "./messages.js";

/** Translates an app UI string; used by routes and components, on the server and in the browser. */
export function t(language: Language, key: AppMessageKey, params?: Record<string, string | number>): string {
  return translate(appMessages, language, key, params);
}
