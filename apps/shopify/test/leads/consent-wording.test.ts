import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { LANGUAGES } from "@ninjalead/core/i18n";
import { describe, expect, it } from "vitest";
import { appMessages } from "~/i18n/messages.js";

const locales = fileURLToPath(new URL("../../../../extensions/ninjalead-theme/locales/", import.meta.url));

describe("the consent we record is the consent the shopper read", () => {
  it.each(LANGUAGES)("%s: the lead form's checkbox text equals the wording stored with the lead", (lang) => {
    const file = lang === "en" ? "en.default.json" : `${lang}.json`;
    const storefront = JSON.parse(readFileSync(`${locales}${file}`, "utf8")) as {
      ninjalead: { lead: { consent: string } };
    };
    expect(storefront.ninjalead.lead.consent).toBe(appMessages[lang]["lead.consentText"]);
  });
});
