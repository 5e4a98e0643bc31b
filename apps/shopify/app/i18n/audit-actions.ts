import type { Language } from "@ninjalead/core/i18n";
import { activityMessages, type ActivityMessageKey } from "./activity-messages.js";
import { t } from "./t.js";

const PREFIX = "activity.action.";

/** Every action code with a label, read off the catalog's keys (`activity.action.<code>`). */
const KNOWN = new Set(Object.keys(activityMessages.en).map((key) => key.slice(PREFIX.length)));

/**
 * What an audit event's action means, in the merchant's language (`product.fix_applied` → "AI fix
 * applied to a product"). A code without a label (an older or newer action) comes back as it is.
 */
export function auditActionLabel(language: Language, action: string): string {
  return KNOWN.has(action) ? t(language, `${PREFIX}${action}` as ActivityMessageKey) : action;
}
