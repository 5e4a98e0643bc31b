/**
 * Marketing channels and their real limits. Content for each channel is a zod schema (also the
 * AI output schema, hence nullable rather than optional fields), and `validateChannelContent`
 * lists every limit a piece of content breaks, with a message in the merchant's language.
 *
 * Lengths are Unicode characters (code points), as Meta and mail clients count them. Google Ads
 * counts double-width characters (Chinese, Japanese, Korean) as two: `googleAdsLength`.
 */
import { z } from "zod";
import { translate, type Language, type MessageCatalog } from "../i18n/index.js";
import { smsSegments } from "./sms.js";

export const CHANNELS = ["email", "sms", "instagram", "facebook", "meta_ad", "google_rsa"] as const;
export type Channel = (typeof CHANNELS)[number];

/** The limits, in one table (documented in docs/segments.md). */
export const CHANNEL_LIMITS = {
  email: {
    subject: 60,
    preheader: 100,
    sections: { min: 1, max: 5 },
    sectionBody: 1200,
    heading: 80,
    ctaLabel: 30,
  },
  sms: { maxSegments: 2 },
  instagram: { caption: 2200, hashtags: 30 },
  facebook: { text: 63_206 },
  meta_ad: { primaryText: 125, headline: 40, description: 30 },
  google_rsa: {
    headline: 30,
    headlines: { min: 3, max: 15 },
    description: 90,
    descriptions: { min: 2, max: 4 },
    path: 15,
  },
} as const;

export const emailContentSchema = z.object({
  channel: z.literal("email"),
  subject: z.string().min(1),
  preheader: z.string().min(1),
  sections: z.array(z.object({ heading: z.string().nullable(), body: z.string().min(1) })),
  cta: z.object({ label: z.string().min(1), url: z.string().min(1) }),
});
export const smsContentSchema = z.object({ channel: z.literal("sms"), text: z.string().min(1) });
export const instagramContentSchema = z.object({
  channel: z.literal("instagram"),
  caption: z.string().min(1),
  hashtags: z.array(z.string()),
});
export const facebookContentSchema = z.object({ channel: z.literal("facebook"), text: z.string().min(1) });
export const metaAdContentSchema = z.object({
  channel: z.literal("meta_ad"),
  primaryText: z.string().min(1),
  headline: z.string().min(1),
  description: z.string().min(1),
});
export const googleRsaContentSchema = z.object({
  channel: z.literal("google_rsa"),
  headlines: z.array(z.string().min(1)),
  descriptions: z.array(z.string().min(1)),
  path1: z.string().nullable(),
  path2: z.string().nullable(),
});
export const channelContentSchema = z.discriminatedUnion("channel", [
  emailContentSchema,
  smsContentSchema,
  instagramContentSchema,
  facebookContentSchema,
  metaAdContentSchema,
  googleRsaContentSchema,
]);
export type EmailContent = z.infer<typeof emailContentSchema>;
export type SmsContent = z.infer<typeof smsContentSchema>;
export type InstagramContent = z.infer<typeof instagramContentSchema>;
export type FacebookContent = z.infer<typeof facebookContentSchema>;
export type MetaAdContent = z.infer<typeof metaAdContentSchema>;
export type GoogleRsaContent = z.infer<typeof googleRsaContentSchema>;
export type ChannelContent = z.infer<typeof channelContentSchema>;

/** Unicode characters (code points), so an emoji counts once. */
export function characterCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

const isWide = (cp: number): boolean =>
  (cp >= 0x1100 && cp <= 0x115f) ||
  (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
  (cp >= 0xac00 && cp <= 0xd7a3) ||
  (cp >= 0xf900 && cp <= 0xfaff) ||
  (cp >= 0xfe30 && cp <= 0xfe4f) ||
  (cp >= 0xff00 && cp <= 0xff60) ||
  (cp >= 0xffe0 && cp <= 0xffe6) ||
  (cp >= 0x20000 && cp <= 0x3fffd);

/**
 * Length as Google Ads counts it: double-width (CJK, full-width) characters count as 2.
 *
 * @example
 * googleAdsLength("Shop now") // 8
 * googleAdsLength("今すぐ購入") // 10
 */
export function googleAdsLength(text: string): number {
  let n = 0;
  for (const c of text) n += isWide(c.codePointAt(0) ?? 0) ? 2 : 1;
  return n;
}

export type ViolationCode =
  "too_long" | "too_many" | "too_few" | "sms_segments" | "duplicate" | "invalid_hashtag";

export interface Violation {
  path: string;
  code: ViolationCode;
  limit: number;
  actual: number;
  /** In the language asked for. */
  message: string;
}

const MESSAGES: MessageCatalog<ViolationCode> = {
  en: {
    too_long: "{field} is {actual} characters; the limit is {limit}.",
    too_many: "{field} has {actual} items; at most {limit}.",
    too_few: "{field} has {actual} items; at least {limit}.",
    sms_segments: "The SMS needs {actual} segments; at most {limit}.",
    duplicate: "{field} repeats another entry.",
    invalid_hashtag: "{field} is not a valid hashtag.",
  },
  fr: {
    too_long: "{field} fait {actual} caractères ; la limite est {limit}.",
    too_many: "{field} contient {actual} éléments ; {limit} au maximum.",
    too_few: "{field} contient {actual} éléments ; {limit} au minimum.",
    sms_segments: "Le SMS nécessite {actual} segments ; {limit} au maximum.",
    duplicate: "{field} répète une autre entrée.",
    invalid_hashtag: "{field} n'est pas un hashtag valide.",
  },
  es: {
    too_long: "{field} tiene {actual} caracteres; el límite es {limit}.",
    too_many: "{field} tiene {actual} elementos; como máximo {limit}.",
    too_few: "{field} tiene {actual} elementos; como mínimo {limit}.",
    sms_segments: "El SMS necesita {actual} segmentos; como máximo {limit}.",
    duplicate: "{field} repite otra entrada.",
    invalid_hashtag: "{field} no es un hashtag válido.",
  },
  de: {
    too_long: "{field} hat {actual} Zeichen; erlaubt sind {limit}.",
    too_many: "{field} hat {actual} Einträge; höchstens {limit}.",
    too_few: "{field} hat {actual} Einträge; mindestens {limit}.",
    sms_segments: "Die SMS braucht {actual} Segmente; höchstens {limit}.",
    duplicate: "{field} wiederholt einen anderen Eintrag.",
    invalid_hashtag: "{field} ist kein gültiger Hashtag.",
  },
  it: {
    too_long: "{field} ha {actual} caratteri; il limite è {limit}.",
    too_many: "{field} ha {actual} elementi; al massimo {limit}.",
    too_few: "{field} ha {actual} elementi; almeno {limit}.",
    sms_segments: "L'SMS richiede {actual} segmenti; al massimo {limit}.",
    duplicate: "{field} ripete un'altra voce.",
    invalid_hashtag: "{field} non è un hashtag valido.",
  },
  "pt-BR": {
    too_long: "{field} tem {actual} caracteres; o limite é {limit}.",
    too_many: "{field} tem {actual} itens; no máximo {limit}.",
    too_few: "{field} tem {actual} itens; no mínimo {limit}.",
    sms_segments: "O SMS precisa de {actual} segmentos; no máximo {limit}.",
    duplicate: "{field} repete outra entrada.",
    invalid_hashtag: "{field} não é uma hashtag válida.",
  },
  nl: {
    too_long: "{field} heeft {actual} tekens; de limiet is {limit}.",
    too_many: "{field} heeft {actual} items; maximaal {limit}.",
    too_few: "{field} heeft {actual} items; minimaal {limit}.",
    sms_segments: "De sms heeft {actual} segmenten nodig; maximaal {limit}.",
    duplicate: "{field} herhaalt een ander item.",
    invalid_hashtag: "{field} is geen geldige hashtag.",
  },
  pl: {
    too_long: "{field} ma {actual} znaków; limit to {limit}.",
    too_many: "{field} ma {actual} elementów; maksymalnie {limit}.",
    too_few: "{field} ma {actual} elementów; minimum {limit}.",
    sms_segments: "SMS wymaga {actual} segmentów; maksymalnie {limit}.",
    duplicate: "{field} powtarza inny wpis.",
    invalid_hashtag: "{field} nie jest poprawnym hashtagiem.",
  },
  ja: {
    too_long: "{field}は{actual}文字です。上限は{limit}文字です。",
    too_many: "{field}は{actual}件あります。最大{limit}件です。",
    too_few: "{field}は{actual}件です。最低{limit}件必要です。",
    sms_segments: "このSMSは{actual}セグメント必要です。最大{limit}です。",
    duplicate: "{field}は他の項目と重複しています。",
    invalid_hashtag: "{field}は有効なハッシュタグではありません。",
  },
  "zh-CN": {
    too_long: "{field}有{actual}个字符；上限为{limit}。",
    too_many: "{field}有{actual}项；最多{limit}项。",
    too_few: "{field}有{actual}项；至少{limit}项。",
    sms_segments: "该短信需要{actual}条分段；最多{limit}条。",
    duplicate: "{field}与其他条目重复。",
    invalid_hashtag: "{field}不是有效的话题标签。",
  },
};
export const VIOLATION_MESSAGES = MESSAGES;

/**
 * Every limit the content breaks (empty when it fits its channel).
 *
 * @example
 * validateChannelContent({ channel: "meta_ad", primaryText: "…", headline: "A very long headline that goes on and on", description: "Shop" })
 * // [{ path: "headline", code: "too_long", limit: 40, actual: 41, message: "headline is 41 characters; the limit is 40." }]
 */
export function validateChannelContent(
  content: ChannelContent,
  options: { language?: Language; smsMaxSegments?: number } = {},
): Violation[] {
  const language = options.language ?? "en";
  const out: Violation[] = [];
  const add = (path: string, code: ViolationCode, limit: number, actual: number): void => {
    out.push({
      path,
      code,
      limit,
      actual,
      message: translate(MESSAGES, language, code, { field: path, limit, actual }),
    });
  };
  const maxLength = (path: string, text: string, limit: number, count = characterCount): void => {
    const n = count(text);
    if (n > limit) add(path, "too_long", limit, n);
  };
  const itemCount = (path: string, n: number, range: { min: number; max: number }): void => {
    if (n > range.max) add(path, "too_many", range.max, n);
    if (n < range.min) add(path, "too_few", range.min, n);
  };
  switch (content.channel) {
    case "email": {
      const l = CHANNEL_LIMITS.email;
      maxLength("subject", content.subject, l.subject);
      maxLength("preheader", content.preheader, l.preheader);
      itemCount("sections", content.sections.length, l.sections);
      content.sections.forEach((s, i) => {
        if (s.heading !== null) maxLength(`sections.${i}.heading`, s.heading, l.heading);
        maxLength(`sections.${i}.body`, s.body, l.sectionBody);
      });
      maxLength("cta.label", content.cta.label, l.ctaLabel);
      break;
    }
    case "sms": {
      const limit = options.smsMaxSegments ?? CHANNEL_LIMITS.sms.maxSegments;
      const { segments } = smsSegments(content.text);
      if (segments > limit) add("text", "sms_segments", limit, segments);
      break;
    }
    case "instagram": {
      const l = CHANNEL_LIMITS.instagram;
      const tags = content.hashtags.map((h) => (h.startsWith("#") ? h : `#${h}`));
      maxLength("caption", [content.caption, ...tags].join(" "), l.caption);
      if (tags.length > l.hashtags) add("hashtags", "too_many", l.hashtags, tags.length);
      tags.forEach((t, i) => {
        if (!/^#[\p{L}\p{N}_]+$/u.test(t)) add(`hashtags.${i}`, "invalid_hashtag", 0, 0);
      });
      break;
    }
    case "facebook":
      maxLength("text", content.text, CHANNEL_LIMITS.facebook.text);
      break;
    case "meta_ad": {
      const l = CHANNEL_LIMITS.meta_ad;
      maxLength("primaryText", content.primaryText, l.primaryText);
      maxLength("headline", content.headline, l.headline);
      maxLength("description", content.description, l.description);
      break;
    }
    case "google_rsa": {
      const l = CHANNEL_LIMITS.google_rsa;
      itemCount("headlines", content.headlines.length, l.headlines);
      itemCount("descriptions", content.descriptions.length, l.descriptions);
      const seen = new Set<string>();
      content.headlines.forEach((h, i) => {
        maxLength(`headlines.${i}`, h, l.headline, googleAdsLength);
        const key = h.trim().toLowerCase();
        if (seen.has(key)) add(`headlines.${i}`, "duplicate", 0, 0);
        seen.add(key);
      });
      content.descriptions.forEach((d, i) =>
        maxLength(`descriptions.${i}`, d, l.description, googleAdsLength),
      );
      if (content.path1 !== null) maxLength("path1", content.path1, l.path, googleAdsLength);
      if (content.path2 !== null) maxLength("path2", content.path2, l.path, googleAdsLength);
      break;
    }
  }
  return out;
}
