import { Parser } from "htmlparser2";

/** One block of visible text: a paragraph, a heading or a list item. */
export interface TextBlock {
  kind: "paragraph" | "heading" | "listItem";
  /** 1–6 for headings, 0 otherwise. */
  level: number;
  text: string;
}

export interface HtmlImage {
  src: string;
  alt: string;
  hasAlt: boolean;
}

/** Everything the audit needs from a description, gathered in one streaming pass. */
export interface ParsedHtml {
  blocks: TextBlock[];
  images: HtmlImage[];
  headingLevels: number[];
  listCount: number;
  linkCount: number;
  scriptOrStyleCount: number;
  inlineStyleCount: number;
  /** Presentational tags (`font`, `center`, …) typical of pasted or imported HTML. */
  legacyTagCount: number;
  /** Block elements with no text and no image inside (`<p></p>`, `<p>&nbsp;</p>`). */
  emptyBlockCount: number;
  /** Characters of markup, for the markup/text ratio. */
  htmlLength: number;
  /**
   * Line breaks between lines of text in a description without block tags or `<br>`: the storefront
   * renders them as spaces, so the lines run together there.
   */
  plainTextLineBreaks: number;
}

const BLOCK_TAGS = new Set([
  "p",
  "div",
  "section",
  "article",
  "header",
  "footer",
  "aside",
  "main",
  "blockquote",
  "pre",
  "table",
  "thead",
  "tbody",
  "tr",
  "td",
  "th",
  "dd",
  "dt",
  "dl",
  "figure",
  "figcaption",
  "hr",
  "ul",
  "ol",
  "address",
  "details",
  "summary",
]);
const HEADING_LEVEL: Readonly<Record<string, number>> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
// Text inside these is never shown to shoppers and must not count as product copy.
const HIDDEN_TAGS = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "iframe",
  "object",
  "head",
  "title",
]);
// Tags that lay text out in lines or blocks: with any of them, source line breaks are not layout.
const STRUCTURE_RE = /<(?:p|br|div|li|h[1-6]|table|tr|td|section|article|blockquote|pre)\b/i;
const LEGACY_TAGS = new Set(["font", "center", "marquee", "blink", "big"]);
const EMPTY_CHECKED = new Set(["p", "div", "span", "li", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b"]);

/**
 * Parses product HTML with a real, error-tolerant parser (htmlparser2): unclosed tags, stray
 * `</div>`s and broken entities are repaired the way browsers do, and nothing ever throws.
 * One pass, no DOM: a 1 MB description costs a few milliseconds.
 */
export function parseProductHtml(html: string): ParsedHtml {
  const out: ParsedHtml = {
    blocks: [],
    images: [],
    headingLevels: [],
    listCount: 0,
    linkCount: 0,
    scriptOrStyleCount: 0,
    inlineStyleCount: 0,
    legacyTagCount: 0,
    emptyBlockCount: 0,
    htmlLength: html.length,
    plainTextLineBreaks: 0,
  };
  const structured = STRUCTURE_RE.test(html);
  let parts: string[] = [];
  let kind: TextBlock["kind"] = "paragraph";
  let level = 0;
  let hiddenDepth = 0;
  let lastWasBr = false;
  // For each open element we track whether anything visible was inside, to spot empty blocks.
  const contentStack: boolean[] = [];

  const flush = (): void => {
    if (parts.length === 0) return;
    const text = parts
      .join("")
      .replace(/[ \t\r\f\v\u00a0]+/g, " ")
      .trim();
    parts = [];
    if (text.length > 0) out.blocks.push({ kind, level, text });
  };
  const markContent = (): void => {
    for (let i = contentStack.length - 1; i >= 0 && contentStack[i] === false; i--) contentStack[i] = true;
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        contentStack.push(false);
        if (hiddenDepth > 0 || HIDDEN_TAGS.has(name)) {
          if (HIDDEN_TAGS.has(name)) {
            hiddenDepth++;
            if (name === "script" || name === "style") out.scriptOrStyleCount++;
          }
          return;
        }
        if (attribs.style !== undefined && attribs.style.trim() !== "") out.inlineStyleCount++;
        if (LEGACY_TAGS.has(name)) out.legacyTagCount++;
        if (name === "br") {
          // One <br> ends a line (a sentence boundary); two in a row end a paragraph.
          if (lastWasBr) flush();
          else parts.push("\n");
          lastWasBr = true;
          return;
        }
        lastWasBr = false;
        if (name === "img") {
          markContent();
          out.images.push({
            src: attribs.src ?? "",
            alt: (attribs.alt ?? "").trim(),
            hasAlt: attribs.alt !== undefined,
          });
          return;
        }
        if (name === "a") out.linkCount++;
        if (name === "ul" || name === "ol") out.listCount++;
        const headingLevel = HEADING_LEVEL[name];
        if (headingLevel !== undefined) {
          flush();
          kind = "heading";
          level = headingLevel;
          out.headingLevels.push(headingLevel);
        } else if (name === "li") {
          flush();
          kind = "listItem";
          level = 0;
        } else if (BLOCK_TAGS.has(name)) {
          flush();
        }
      },
      ontext(text) {
        if (hiddenDepth > 0) return;
        if (text.trim() !== "" && text.trim() !== "\u00a0") {
          markContent();
          lastWasBr = false;
        }
        if (!text.includes("\n")) {
          parts.push(text);
          return;
        }
        // In HTML laid out with tags, a line break in the source is a space, as browsers render
        // it (pretty-printed or hard-wrapped HTML). Plain-text descriptions have only their line
        // breaks for layout: a blank line separates paragraphs and a single one ends a line.
        if (structured) {
          parts.push(text.replace(/[\r\n]+/g, " "));
          return;
        }
        out.plainTextLineBreaks += text.trim().split(/\s*\n\s*/).length - 1;
        const pieces = text.split(/\n[ \t\r]*\n/);
        for (let i = 0; i < pieces.length; i++) {
          if (i > 0) flush();
          parts.push(pieces[i] ?? "");
        }
      },
      onclosetag(name) {
        const hadContent = contentStack.pop() ?? true;
        if (HIDDEN_TAGS.has(name)) {
          if (hiddenDepth > 0) hiddenDepth--;
          return;
        }
        if (hiddenDepth > 0) return;
        if (EMPTY_CHECKED.has(name) && !hadContent) out.emptyBlockCount++;
        if (HEADING_LEVEL[name] !== undefined || name === "li" || BLOCK_TAGS.has(name)) {
          flush();
          kind = "paragraph";
          level = 0;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return out;
}
