import type { ChannelContent } from "@ninjalead/core/campaigns";

/** Label/value pairs of channel content, in reading order: the text and CSV exports' fields. */
export function contentFields(content: ChannelContent): [string, string][] {
  switch (content.channel) {
    case "email":
      return [
        ["Subject", content.subject],
        ["Preheader", content.preheader],
        ...content.sections.flatMap((s, i): [string, string][] => [
          [`Section ${i + 1} heading`, s.heading ?? ""],
          [`Section ${i + 1} body`, s.body],
        ]),
        ["Button", content.cta.label],
        ["Button URL", content.cta.url],
      ];
    case "sms":
      return [["Text", content.text]];
    case "instagram":
      return [
        ["Caption", content.caption],
        ["Hashtags", content.hashtags.join(" ")],
      ];
    case "facebook":
      return [["Text", content.text]];
    case "meta_ad":
      return [
        ["Primary text", content.primaryText],
        ["Headline", content.headline],
        ["Description", content.description],
      ];
    case "google_rsa":
      return [
        ...content.headlines.map((h, i): [string, string] => [`Headline ${i + 1}`, h]),
        ...content.descriptions.map((d, i): [string, string] => [`Description ${i + 1}`, d]),
        ["Path 1", content.path1 ?? ""],
        ["Path 2", content.path2 ?? ""],
      ];
  }
}
