import type { Language } from "@ninjalead/core/i18n";
import { t, type MessageKey } from "./t.js";

/** An action's answer: ok, or per-field message keys (what the settings actions return). */
type FormAnswer =
  | { ok: true }
  | { ok: false; errors: Partial<Record<string, { key: MessageKey; params?: Record<string, string> }>> };

/** The translated error to show under `field`, if the last submit refused it. */
export function fieldErrorText(
  language: Language,
  answer: FormAnswer | undefined,
  field: string,
): string | undefined {
  const error = answer && !answer.ok ? answer.errors[field] : undefined;
  return error ? t(language, error.key, error.params) : undefined;
}
