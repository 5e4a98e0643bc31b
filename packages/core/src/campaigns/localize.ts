/**
 * Localisation that never breaks personalisation: merge tags ({{ customer.first_name }},
 * {% if %}, *|FNAME|*), template placeholders ({product}) and URLs are swapped for numbered
 * markers (⟦1⟧) before translation, checked to come back exactly once each, then restored.
 */
import type { ChannelContent } from "./channels.js";

/** Liquid/Klaviyo/HubSpot tags, Liquid blocks, Mailchimp tags, {placeholders} and URLs. */
export const PROTECTED_PATTERN =
  /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\*\|[A-Z0-9_:]+\|\*|(?<!\{)\{\w+\}(?!\})|https?:\/\/[^\s"'<>)]+/g;

/**
 * Replaces protected tokens with ⟦n⟧ markers, numbering across all `texts`.
 *
 * @example
 * protectTokens(["Hi {{ customer.first_name }}, see https://x.example"])
 * // { texts: ["Hi ⟦1⟧, see ⟦2⟧"], tokens: ["{{ customer.first_name }}", "https://x.example"] }
 */
export function protectTokens(texts: readonly string[]): { texts: string[]; tokens: string[] } {
  const tokens: string[] = [];
  const out = texts.map((t) =>
    t.replace(PROTECTED_PATTERN, (token) => {
      tokens.push(token);
      return `⟦${tokens.length}⟧`;
    }),
  );
  return { texts: out, tokens };
}

/** Puts the original tokens back in place of their markers. */
export function restoreTokens(texts: readonly string[], tokens: readonly string[]): string[] {
  return texts.map((t) => t.replace(/⟦(\d+)⟧/g, (marker, n: string) => tokens[Number(n) - 1] ?? marker));
}

const markers = (text: string): string =>
  [...text.matchAll(/⟦(\d+)⟧/g)]
    .map((m) => m[1] ?? "")
    .sort()
    .join(",");

/**
 * Problems when a translation lost, duplicated or invented a marker, per text.
 *
 * @example
 * markerProblems(["Hi ⟦1⟧"], ["Bonjour"]) // ["texts.0: markers ⟦1⟧ expected, got none"]
 */
export function markerProblems(source: readonly string[], translated: readonly string[]): string[] {
  if (source.length !== translated.length)
    return [`expected ${source.length} texts, got ${translated.length}`];
  const problems: string[] = [];
  source.forEach((s, i) => {
    const want = markers(s);
    const got = markers(translated[i] ?? "");
    if (want !== got)
      problems.push(
        `texts.${i}: markers ${
          want
            ? want
                .split(",")
                .map((n) => `⟦${n}⟧`)
                .join(" ")
            : "none"
        } expected, got ${
          got
            ? got
                .split(",")
                .map((n) => `⟦${n}⟧`)
                .join(" ")
            : "none"
        }`,
      );
  });
  return problems;
}

/**
 * The multiset of merge tags and placeholders in a text, for checking a localisation kept
 * them exactly (URLs excluded: a localised landing page may differ).
 */
export function mergeTagsOf(text: string): string[] {
  return [...text.matchAll(PROTECTED_PATTERN)]
    .map((m) => m[0])
    .filter((t) => !/^https?:/.test(t))
    .sort();
}

/** The translatable texts of a piece of content, in a fixed order (URLs and paths excluded). */
export function contentTexts(content: ChannelContent): string[] {
  switch (content.channel) {
    case "email":
      return [
        content.subject,
        content.preheader,
        ...content.sections.flatMap((s) => (s.heading === null ? [s.body] : [s.heading, s.body])),
        content.cta.label,
      ];
    case "sms":
      return [content.text];
    case "instagram":
      return [content.caption];
    case "facebook":
      return [content.text];
    case "meta_ad":
      return [content.primaryText, content.headline, content.description];
    case "google_rsa":
      return [...content.headlines, ...content.descriptions];
  }
}

/** The same content with its texts replaced, in `contentTexts` order. */
export function withContentTexts(content: ChannelContent, texts: readonly string[]): ChannelContent {
  let i = 0;
  const next = (): string => texts[i++] ?? "";
  switch (content.channel) {
    case "email":
      return {
        ...content,
        subject: next(),
        preheader: next(),
        sections: content.sections.map((s) =>
          s.heading === null ? { heading: null, body: next() } : { heading: next(), body: next() },
        ),
        cta: { label: next(), url: content.cta.url },
      };
    case "sms":
      return { ...content, text: next() };
    case "instagram":
      return { ...content, caption: next() };
    case "facebook":
      return { ...content, text: next() };
    case "meta_ad":
      return { ...content, primaryText: next(), headline: next(), description: next() };
    case "google_rsa":
      return {
        ...content,
        headlines: content.headlines.map(next),
        descriptions: content.descriptions.map(next),
      };
  }
}
