/**
 * The predefined campaign templates: each has typed variables (zod), the segments it is meant
 * for, and copy in the ten languages (copy.ts). `renderTemplate` fills the variables and lays the
 * copy out for a channel so that it always fits the channel's limits: when a merchant's product
 * or shop name is too long, that name is shortened at a word boundary, never the template text.
 */
import { z } from "zod";
import { NinjaLeadError } from "../errors/index.js";
import type { Language } from "../i18n/index.js";
import { parseOrThrow } from "../internal/zod.js";
import type { Segment } from "../segments/rules.js";
import {
  CHANNEL_LIMITS,
  characterCount,
  googleAdsLength,
  validateChannelContent,
  type Channel,
  type ChannelContent,
} from "./channels.js";
import {
  DISCOVER,
  GREETING,
  TEMPLATE_COPY,
  TEMPLATE_IDS,
  type TemplateCopy,
  type TemplateId,
} from "./copy.js";
import { smsSegments } from "./sms.js";

export { TEMPLATE_IDS, type TemplateId } from "./copy.js";

const shop = z.string().trim().min(1).max(80);
const url = z.url();
const product = z.string().trim().min(1).max(200);
const code = z.string().regex(/^[A-Za-z0-9_-]{2,32}$/, "letters, digits, - and _ only (2–32)");
const discountPercent = z.number().int().min(1).max(90);

/** Typed variables of each template. */
export const TEMPLATE_VARIABLES = {
  welcome: z.object({ shop, url, code }),
  abandoned_cart: z.object({ shop, url, product }),
  win_back: z.object({ shop, url, code, discountPercent }),
  new_arrival: z.object({ shop, url, product }),
  flash_sale: z.object({ shop, url, code, discountPercent, hours: z.number().int().min(1).max(168) }),
  vip: z.object({ shop, url, code, discountPercent }),
  back_in_stock: z.object({ shop, url, product }),
  post_purchase: z.object({ shop, url, product }),
  review_request: z.object({ shop, url, product }),
  seasonal: z.object({ shop, url, code, discountPercent, season: z.string().trim().min(1).max(40) }),
  bundle: z.object({ shop, url, code, discountPercent, product, secondProduct: product }),
  replenishment: z.object({ shop, url, product }),
} as const satisfies Record<TemplateId, z.ZodObject>;
export type TemplateVariables<T extends TemplateId> = z.input<(typeof TEMPLATE_VARIABLES)[T]>;

/** Which segments each template is meant for (see docs/segments.md). */
export const TEMPLATE_SEGMENTS: Readonly<Record<TemplateId, readonly Segment[]>> = {
  welcome: ["new"],
  abandoned_cart: ["new", "promising", "potential_loyalist", "need_attention"],
  win_back: ["at_risk", "cant_lose_them", "hibernating", "lost"],
  new_arrival: ["champions", "loyal", "potential_loyalist"],
  flash_sale: ["about_to_sleep", "need_attention", "hibernating", "potential_loyalist"],
  vip: ["champions", "loyal"],
  back_in_stock: ["champions", "loyal", "potential_loyalist", "need_attention"],
  post_purchase: ["new", "promising"],
  review_request: ["champions", "loyal", "new"],
  seasonal: ["loyal", "potential_loyalist", "need_attention", "about_to_sleep"],
  bundle: ["loyal", "potential_loyalist", "promising"],
  replenishment: ["champions", "loyal", "need_attention"],
};

/**
 * Templates suited to a segment, best first (the order of TEMPLATE_IDS).
 *
 * @example
 * templatesForSegment("at_risk") // ["win_back"]
 */
export function templatesForSegment(segment: Segment): TemplateId[] {
  return TEMPLATE_IDS.filter((id) => TEMPLATE_SEGMENTS[id].includes(segment));
}

/** Placeholder values after formatting; free-text ones may be shortened to fit. */
type Values = Record<string, string>;
const SHORTENABLE = ["product", "secondProduct", "season", "shop"] as const;

function fill(template: string, values: Values): string {
  // Only single-brace {name}: merge tags like {{ customer.first_name }} pass through untouched.
  return template.replace(/(?<!\{)\{(\w+)\}(?!\})/g, (match, name: string) => values[name] ?? match);
}

/** Cuts text to at most `max` characters at a word boundary, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  if (max <= 1) return "…";
  const cut = chars.slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Fills `template` so that `fits` holds, shortening the longest free-text value step by step;
 * as a last resort the whole text is shortened to `hardMax` characters.
 */
function fitted(template: string, values: Values, fits: (s: string) => boolean, hardMax: number): string {
  const current = { ...values };
  let text = fill(template, current);
  for (let round = 0; round < 12 && !fits(text); round++) {
    const used = SHORTENABLE.filter((k) => template.includes(`{${k}}`) && (current[k]?.length ?? 0) > 8);
    const longest = used.sort(
      (a, b) => characterCount(current[b] ?? "") - characterCount(current[a] ?? ""),
    )[0];
    if (!longest) break;
    const value = current[longest] ?? "";
    current[longest] = shorten(value, Math.max(8, Math.floor(characterCount(value) * 0.75)));
    text = fill(template, current);
  }
  while (!fits(text) && hardMax > 1) text = shorten(text, hardMax--);
  return text;
}

const PERCENT_WITH_SPACE: ReadonlySet<Language> = new Set(["fr", "de", "pl"]);

function formatValues(variables: Record<string, unknown>, language: Language): Values {
  const values: Values = {};
  for (const [key, value] of Object.entries(variables)) {
    if (typeof value === "string") values[key] = value;
    else if (typeof value === "number") values[key] = String(value);
  }
  const percent = variables.discountPercent;
  if (typeof percent === "number")
    values.discount = PERCENT_WITH_SPACE.has(language) ? `${percent}\u00a0%` : `${percent}%`;
  return values;
}

const firstSentence = (text: string): string => {
  const match = /^.+?(?:[.!?](?=\s|$)|[。！？])/u.exec(text);
  return match ? match[0] : text;
};

const hashtag = (text: string): string | null => {
  const tag = text.normalize("NFC").replace(/[^\p{L}\p{N}_]/gu, "");
  return tag.length > 1 ? `#${tag.slice(0, 40)}` : null;
};

const slug = (text: string): string | null => {
  const s = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  const cut = s.slice(0, CHANNEL_LIMITS.google_rsa.path).replace(/-$/, "");
  return cut.length > 0 ? cut : null;
};

/** Lays filled copy out for one channel within its limits. */
export function layoutCopy(
  copy: TemplateCopy,
  values: Values,
  language: Language,
  channel: Channel,
  options: { smsMaxSegments?: number } = {},
): ChannelContent {
  const link = values.url ?? "";
  const max = (limit: number) => (s: string) => characterCount(s) <= limit;
  const adsMax = (limit: number) => (s: string) => googleAdsLength(s) <= limit;
  switch (channel) {
    case "email": {
      const l = CHANNEL_LIMITS.email;
      return {
        channel,
        subject: fitted(copy.s, values, max(l.subject), l.subject),
        preheader: fitted(copy.p, values, max(l.preheader), l.preheader),
        sections: [
          {
            heading: fitted(copy.h, values, max(l.heading), l.heading),
            body: `${GREETING[language]}\n\n${fitted(copy.b, values, max(l.sectionBody - 60), l.sectionBody - 60)}`,
          },
        ],
        cta: { label: fitted(copy.c, values, max(l.ctaLabel), l.ctaLabel), url: link },
      };
    }
    case "sms": {
      const limit = options.smsMaxSegments ?? CHANNEL_LIMITS.sms.maxSegments;
      const suffix = ` ${link}`;
      const text = fitted(copy.m, values, (s) => smsSegments(s + suffix).segments <= limit, 300);
      return { channel, text: text + suffix };
    }
    case "instagram": {
      const caption = `${fill(copy.h, values)}\n\n${fill(copy.b, values)}\n\n${fill(copy.c, values)}: ${link}`;
      const tags = [hashtag(values.shop ?? ""), hashtag(values.product ?? "")].filter(
        (t): t is string => t !== null,
      );
      return {
        channel,
        caption: shorten(caption, CHANNEL_LIMITS.instagram.caption - 100),
        hashtags: [...new Set(tags)],
      };
    }
    case "facebook":
      return {
        channel,
        text: shorten(
          `${fill(copy.h, values)}\n\n${fill(copy.b, values)}\n\n${fill(copy.c, values)}: ${link}`,
          5000,
        ),
      };
    case "meta_ad": {
      const l = CHANNEL_LIMITS.meta_ad;
      return {
        channel,
        primaryText: fitted(firstSentence(copy.b), values, max(l.primaryText), l.primaryText),
        headline: fitted(copy.h, values, max(l.headline), l.headline),
        description: fitted(copy.c, values, max(l.description), l.description),
      };
    }
    case "google_rsa": {
      const l = CHANNEL_LIMITS.google_rsa;
      const candidates = [copy.h, copy.c, DISCOVER[language], "{shop}", "{product}", copy.s];
      const headlines: string[] = [];
      for (const candidate of candidates) {
        if (candidate.includes("{product}") && !values.product) continue;
        const text = fitted(candidate, values, adsMax(l.headline), l.headline);
        if (!text.includes("…") && !headlines.some((h) => h.toLowerCase() === text.toLowerCase()))
          headlines.push(text);
      }
      // Ellipses read badly in ads: accept them only to reach Google's minimum of 3.
      for (const candidate of candidates) {
        if (headlines.length >= l.headlines.min) break;
        const text = fitted(candidate, values, adsMax(l.headline), l.headline);
        if (!headlines.some((h) => h.toLowerCase() === text.toLowerCase())) headlines.push(text);
      }
      const all = [copy.p, firstSentence(copy.b), copy.b]
        .map((d) => fitted(d, values, adsMax(l.description), l.description))
        .filter((d, i, list) => list.indexOf(d) === i);
      // As for headlines, shortened descriptions only when needed to reach the minimum of 2.
      const whole = all.filter((d) => !d.includes("…"));
      const descriptions = (whole.length >= l.descriptions.min ? whole : all).slice(0, l.descriptions.max);
      return {
        channel,
        headlines: headlines.slice(0, l.headlines.max),
        descriptions,
        path1: slug(values.product ?? values.season ?? ""),
        path2: null,
      };
    }
  }
}

/**
 * Renders a template for a channel and language. Variables are validated (a ValidationError
 * names each bad variable); the result always passes `validateChannelContent`.
 *
 * @example
 * renderTemplate("back_in_stock", { shop: "Maison Thé", url: "https://maison.example/p/1", product: "Earl Grey" }, "fr", "sms")
 * // { channel: "sms", text: "Maison Thé : Earl Grey est de retour ! Commandez : https://maison.example/p/1" }
 */
export function renderTemplate<T extends TemplateId>(
  template: T,
  variables: TemplateVariables<T>,
  language: Language,
  channel: Channel,
  options: { smsMaxSegments?: number } = {},
): ChannelContent {
  const parsed = parseOrThrow(
    TEMPLATE_VARIABLES[template],
    variables,
    `${template} template variables`,
  ) as Record<string, unknown>;
  const content = layoutCopy(
    TEMPLATE_COPY[template][language],
    formatValues(parsed, language),
    language,
    channel,
    options,
  );
  const violations = validateChannelContent(content, { language, ...options });
  if (violations.length > 0)
    // The layout guarantees the limits; reaching this is a bug in the copy, not bad input.
    throw new NinjaLeadError(
      "internal",
      `Template ${template}/${language}/${channel} breaks its limits: ${violations[0]?.message ?? ""}`,
    );
  return content;
}
