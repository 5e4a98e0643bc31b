import type { ChannelContent } from "@ninjalead/core/campaigns";
import type { Language } from "@ninjalead/core/i18n";
import { t } from "~/i18n/t.js";

/**
 * Label/value pairs of channel content, in reading order, labelled in the merchant's language:
 * the text and CSV exports' fields (the same labels as the copy editor's).
 */
export function contentFields(content: ChannelContent, lang: Language): [string, string][] {
  const numbered = (label: string, n: number): string => `${label} ${n}`;
  switch (content.channel) {
    case "email":
      return [
        [t(lang, "campaigns.field.subject"), content.subject],
        [t(lang, "campaigns.field.preheader"), content.preheader],
        ...content.sections.flatMap((s, i): [string, string][] => [
          [t(lang, "campaigns.field.heading", { n: i + 1 }), s.heading ?? ""],
          [t(lang, "campaigns.field.body", { n: i + 1 }), s.body],
        ]),
        [t(lang, "campaigns.field.ctaLabel"), content.cta.label],
        [t(lang, "campaigns.field.ctaUrl"), content.cta.url],
      ];
    case "sms":
    case "facebook":
      return [[t(lang, "campaigns.field.text"), content.text]];
    case "instagram":
      return [
        [t(lang, "campaigns.field.caption"), content.caption],
        [t(lang, "campaigns.field.hashtags"), content.hashtags.join(" ")],
      ];
    case "meta_ad":
      return [
        [t(lang, "campaigns.field.primaryText"), content.primaryText],
        [t(lang, "campaigns.field.headline"), content.headline],
        [t(lang, "campaigns.field.description"), content.description],
      ];
    case "google_rsa":
      return [
        ...content.headlines.map((h, i): [string, string] => [
          numbered(t(lang, "campaigns.field.headline"), i + 1),
          h,
        ]),
        ...content.descriptions.map((d, i): [string, string] => [
          numbered(t(lang, "campaigns.field.description"), i + 1),
          d,
        ]),
        [t(lang, "campaigns.field.path1"), content.path1 ?? ""],
        [t(lang, "campaigns.field.path2"), content.path2 ?? ""],
      ];
  }
}
