import { LANGUAGES, translate, type Language, type MessageCatalog } from "@ninjalead/core/i18n";
import { activityMessages, type ActivityMessageKey } from "./activity-messages.js";
import { adminMessages, type AdminMessageKey } from "./admin-messages.js";
import { importMessages, type ImportMessageKey } from "./import-messages.js";
import { marketingMessages, type MarketingMessageKey } from "./marketing-messages.js";
import { appMessages, type AppMessageKey } from "./messages.js";
import { storefrontMessages, type StorefrontMessageKey } from "./storefront-messages.js";
import { trustMessages, type TrustMessageKey } from "./trust-messages.js";
import { workbenchMessages, type WorkbenchMessageKey } from "./workbench-messages.js";

export type MessageKey =
  | AppMessageKey
  | TrustMessageKey
  | AdminMessageKey
  | ImportMessageKey
  | WorkbenchMessageKey
  | MarketingMessageKey
  | StorefrontMessageKey
  | ActivityMessageKey;

/** Every app UI string, one catalog per feature area merged into one. */
export const catalog = Object.fromEntries(
  LANGUAGES.map((l) => [
    l,
    {
      ...appMessages[l],
      ...trustMessages[l],
      ...adminMessages[l],
      ...importMessages[l],
      ...workbenchMessages[l],
      ...marketingMessages[l],
      ...storefrontMessages[l],
      ...activityMessages[l],
    },
  ]),
) as unknown as MessageCatalog<MessageKey>;

/** Translates an app UI string; used by routes and components, on the server and in the browser. */
export function t(language: Language, key: MessageKey, params?: Record<string, string | number>): string {
  return translate(catalog, language, key, params);
}
