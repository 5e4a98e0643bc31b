/**
 * The optional rewritten description of `suggestFixes`: a list of plain-text blocks (paragraph,
 * subheading, list item) that we render to HTML ourselves. Whoever writes the blocks (model or
 * offline generator), the HTML is built here, escaped, from a closed set of tags: no styles,
 * scripts, links or stray markup can come out of a rewrite.
 */
import { z } from "zod";
import { offlineText } from "../ai/index.js";
import type { Language } from "../i18n/index.js";
import { parseProductHtml, type TextBlock } from "./html.js";
import { matchText, prepareKeyphrase } from "./keyphrase.js";
import { languageProfile } from "./languages/index.js";
import { countContentChars, latinWords, splitSentences } from "./text.js";

export const descriptionBlockSchema = z.object({
  kind: z.enum(["paragraph", "heading", "listItem"]),
  text: z.string(),
});
export type DescriptionBlock = z.output<typeof descriptionBlockSchema>;

/** Paragraph size the readability check rates good (words; characters for ja/zh). */
const PARAGRAPH_MAX = { latin: 70, cjk: 140 };
const BLOCK_MAX_CHARS = 1_000;

const isCjk = (language: Language): boolean => language === "ja" || language === "zh-CN";
/** Words, or content characters for ja/zh. */
export const sizeOf = (text: string, language: Language): number =>
  isCjk(language) ? countContentChars(text) : latinWords(text).length;

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\s+/g, " ");

/** Blocks → HTML: <p>, <h2>, and runs of list items in one <ul>. Text is escaped. */
export function renderDescription(blocks: readonly DescriptionBlock[]): string {
  const html: string[] = [];
  let inList = false;
  for (const b of blocks) {
    const text = escapeHtml(b.text.trim());
    if (text === "") continue;
    if (b.kind === "listItem") {
      if (!inList) html.push("<ul>");
      inList = true;
      html.push(`<li>${text}</li>`);
      continue;
    }
    if (inList) html.push("</ul>");
    inList = false;
    html.push(b.kind === "heading" ? `<h2>${text}</h2>` : `<p>${text}</p>`);
  }
  if (inList) html.push("</ul>");
  return html.join("\n");
}

/** The description's own blocks, as the rewrite starts from them. */
export function blocksOf(descriptionHtml: string): TextBlock[] {
  return parseProductHtml(descriptionHtml).blocks;
}

function containsKeyphrase(text: string, keyphrase: string, language: Language): boolean {
  const profile = languageProfile(language);
  const kp = prepareKeyphrase(keyphrase, profile);
  return kp ? matchText(kp, text, profile).allWords : true;
}

/**
 * Limits of a rewritten description (empty = acceptable): it opens with a paragraph holding the
 * keyphrase, keeps paragraphs short (a single long sentence may stand alone), keeps roughly the
 * original's length (no padding, no dropped content), and blocks stay plain sentences.
 * Invented facts are checked by the caller, on the text of all blocks.
 */
export function descriptionViolations(
  blocks: readonly DescriptionBlock[] | null,
  original: readonly DescriptionBlock[],
  keyphrase: string,
  language: Language,
): string[] {
  if (!blocks || blocks.every((b) => b.text.trim() === "")) return ["description is required"];
  const problems: string[] = [];
  const first = blocks.find((b) => b.text.trim() !== "");
  if (first?.kind !== "paragraph") problems.push("description must open with a paragraph");
  if (first && keyphrase.trim() !== "" && !containsKeyphrase(first.text, keyphrase, language))
    problems.push(`description's first paragraph must contain the keyphrase "${keyphrase}"`);
  const max = PARAGRAPH_MAX[isCjk(language) ? "cjk" : "latin"];
  blocks.forEach((b, i) => {
    if ([...b.text].length > BLOCK_MAX_CHARS)
      problems.push(`description[${i}] has ${[...b.text].length} characters; max ${BLOCK_MAX_CHARS}`);
    if (/<[a-z/!]/i.test(b.text)) problems.push(`description[${i}] must be plain text, not HTML`);
    if (b.kind === "paragraph" && sizeOf(b.text, language) > max && splitSentences(b.text).length > 1)
      problems.push(`description[${i}] is a paragraph of ${sizeOf(b.text, language)}; max ${max}`);
  });
  const before = original.reduce((n, b) => n + sizeOf(b.text, language), 0);
  const after = blocks.reduce((n, b) => n + sizeOf(b.text, language), 0);
  const [min, most] = [Math.floor(before * 0.6), Math.ceil(before * 1.3) + 30];
  if (after < min) problems.push(`description is ${after} long; min ${min} (the original is ${before})`);
  if (after > most) problems.push(`description is ${after} long; max ${most} (the original is ${before})`);
  return problems;
}

/**
 * Offline rewrite, from the description's own sentences only: the first sentence holding the
 * keyphrase opens the text (or a "keyphrase: title." line when none does), long paragraphs are
 * split between sentences, subheadings become <h2>, list items stay list items, and the markup
 * residue of imports (inline styles, empty blocks, <font>) is gone since the HTML is rebuilt.
 */
export function offlineDescription(
  original: readonly DescriptionBlock[],
  keyphrase: string,
  title: string,
  language: Language,
): DescriptionBlock[] {
  const max = PARAGRAPH_MAX[isCjk(language) ? "cjk" : "latin"];
  const sep = isCjk(language) ? "" : " ";
  const out: DescriptionBlock[] = [];
  const kp = keyphrase.trim();
  let opener: string | undefined;
  const lead = original[0];
  const leadSentence = lead?.kind === "paragraph" ? (splitSentences(lead.text)[0] ?? "") : "";
  if (leadSentence === "" || (kp !== "" && !containsKeyphrase(leadSentence, kp, language))) {
    if (kp !== "") {
      for (const b of original) {
        if (b.kind === "heading") continue;
        opener = splitSentences(b.text).find((s) => containsKeyphrase(s, kp, language));
        if (opener) break;
      }
    }
    const intro =
      kp === ""
        ? title.trim()
        : offlineText.phrase(language, "intro", {
            title: `${kp.charAt(0).toUpperCase()}${kp.slice(1)}`,
            summary: title.trim(),
          });
    out.push({ kind: "paragraph", text: opener ?? intro });
  }
  for (const b of original) {
    if (b.kind === "heading") {
      out.push({ kind: "heading", text: b.text });
      continue;
    }
    const sentences = splitSentences(b.text).filter((s) => s !== opener);
    if (b.kind === "listItem") {
      if (sentences.length > 0) out.push({ kind: "listItem", text: sentences.join(sep) });
      continue;
    }
    let paragraph = "";
    for (const s of sentences) {
      const joined = paragraph === "" ? s : `${paragraph}${sep}${s}`;
      if (paragraph !== "" && sizeOf(joined, language) > max) {
        out.push({ kind: "paragraph", text: paragraph });
        paragraph = s;
      } else paragraph = joined;
    }
    if (paragraph !== "") out.push({ kind: "paragraph", text: paragraph });
  }
  return out;
}
