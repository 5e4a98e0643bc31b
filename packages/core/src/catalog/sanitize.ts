import { ElementType, parseDocument } from "htmlparser2";

/*
 * Supplier descriptions are untrusted HTML. We parse them with a real HTML parser and rebuild the
 * output from an allow-list: only the tags and attributes below ever reach the shop, every text
 * and attribute value is escaped on the way out, and URLs must be absolute http(s). Since the
 * output is serialised by us, not passed through, no parser quirk in the input can survive.
 */

type AnyNode = ReturnType<typeof parseDocument>["children"][number];
type ElementNode = Extract<AnyNode, { attribs: Record<string, string> }>;
type TextNode = Extract<AnyNode, { type: typeof ElementType.Text }>;

const isElement = (node: AnyNode): node is ElementNode => "attribs" in node;
const isText = (node: AnyNode): node is TextNode => node.type === ElementType.Text;

const ALLOWED = new Set([
  "p",
  "br",
  "strong",
  "em",
  "u",
  "s",
  "sub",
  "sup",
  "small",
  "ul",
  "ol",
  "li",
  "h2",
  "h3",
  "h4",
  "blockquote",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "th",
  "td",
  "img",
]);
const RENAMED: Readonly<Record<string, string>> = {
  b: "strong",
  i: "em",
  h1: "h2",
  h5: "h4",
  h6: "h4",
  strike: "s",
  del: "s",
};
/** Dropped with everything inside: active content, forms, metadata, embedded documents. */
const DROPPED_WITH_CONTENT = new Set([
  "script",
  "style",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "noscript",
  "template",
  "svg",
  "math",
  "form",
  "input",
  "button",
  "select",
  "option",
  "textarea",
  "head",
  "title",
  "meta",
  "link",
  "base",
  "video",
  "audio",
  "source",
  "track",
  "canvas",
  "dialog",
  "portal",
  "xmp",
  "plaintext",
  "noembed",
  "noframes",
  "param",
  "map",
  "area",
  "picture",
]);
const BLOCK_CONTAINERS = new Set([
  "div",
  "section",
  "article",
  "center",
  "main",
  "aside",
  "header",
  "footer",
  "figure",
  "dl",
  "dd",
  "dt",
  "pre",
]);
const BLOCK_OUTPUT = new Set([
  "p",
  "ul",
  "ol",
  "table",
  "h2",
  "h3",
  "h4",
  "blockquote",
  "img",
  ...BLOCK_CONTAINERS,
]);
const BLOCK_TAGS = "p|ul|ol|li|table|thead|tbody|tfoot|tr|td|th|h2|h3|h4|blockquote";
/** Whitespace between block tags is source formatting, not content. */
const BLOCK_GAP_AFTER = new RegExp(`(</(?:${BLOCK_TAGS})>|<br>|<img [^>]*>)\\s+`, "g");
const BLOCK_GAP_BEFORE = new RegExp(`\\s+(</?(?:${BLOCK_TAGS})>|<img )`, "g");
const VOID = new Set(["br", "img"]);
const KEEP_WHEN_EMPTY = new Set(["br", "img", "td", "th", "tr"]);

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u;
const INTL_PHONE = /(?:\+|00)\d[\d\s().-]{7,}\d/;
/*
 * Seller-contact phrasing. Messenger names alone are not enough ("makes Skype calls" is a product
 * feature): they count only when followed by an id or a number.
 */
const CONTACT_WORDS =
  /\b(?:contact\s+(?:us|me|the seller)|call\s+us|tel\s*[:：]|phone\s*[:：]|e-?mail\s*[:：]|contactez[- ]nous|contáctenos|kontaktieren sie uns|contattaci|fale conosco)/iu;
const MESSENGER_ID =
  /\b(?:whats\s?app|wechat|we\s?chat|skype|telegram|viber|line\s?id|qq)(?:\s*(?:id|number|no\.?|account))?\s*(?:[:：]\s*[+@]?[\w.-]*\d|\+?\d[\d\s-]{5,})/iu;
const WEB_ADDRESS = /\b(?:https?:\/\/|www\.)\S+/iu;
const TRACKING_SRC =
  /(?:pixel|beacon|track(?:ing)?|analytics|spacer|blank|1x1|transparent)[^/]*\.(?:gif|png)(?:\?|$)|\.gif\?|\/(?:collect|track|pixel|beacon)(?:[/?]|$)|[?&](?:utm_\w+|uid|cid|tid)=/i;

export type RemovedKind =
  | "scripts"
  | "embeds"
  | "event_handlers"
  | "tracking_pixels"
  | "contact_info"
  | "links"
  | "unsafe_urls"
  | "forms"
  | "styles";

export interface SanitizeOptions {
  /** Text for images without a meaningful alt ("<title> 3"); the product title is a good choice. */
  imageAlt?: string;
  /** "drop" removes every description image (image walls), "keep" (default) keeps them with alt text. */
  images?: "keep" | "drop";
}

export interface SanitizedDescription {
  html: string;
  /** The description as plain text, for SEO checks and AI prompts. */
  text: string;
  images: { src: string; alt: string }[];
  /** True when the description had images and no text at all. */
  imageOnly: boolean;
  removed: Partial<Record<RemovedKind, number>>;
}

const escapeText = (s: string) =>
  s.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
const escapeAttr = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** True when the text carries seller contact details (emails, phones, messenger ids, web addresses). */
export function hasContactInfo(text: string): boolean {
  return (
    EMAIL.test(text) ||
    INTL_PHONE.test(text) ||
    CONTACT_WORDS.test(text) ||
    MESSENGER_ID.test(text) ||
    WEB_ADDRESS.test(text)
  );
}

/** Normalises an image URL to absolute https, or null when it is not a safe web URL. */
export function safeImageUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  // Browsers ignore tabs/newlines inside URLs ("java\nscript:"), so strip them before checking.
  const value = raw.replace(/[\p{Cc}\s]+/gu, "");
  const absolute = value.startsWith("//") ? `https:${value}` : value;
  let url: URL;
  try {
    url = new URL(absolute);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (url.username || url.password) return null;
  url.protocol = "https:";
  return url.toString();
}

/**
 * Sanitises a supplier description with an allow-list: keeps paragraphs, emphasis, lists,
 * headings, tables and images; removes scripts, styles, iframes and other embeds, forms, event
 * handlers and every attribute not listed, supplier links, tracking pixels, unsafe URLs and
 * sentences with seller contact details. Images get a meaningful alt text.
 *
 * @example
 * sanitizeDescription('<p onclick="x()">Soft <b>cotton</b></p><script>steal()</script>').html
 * // "<p>Soft <strong>cotton</strong></p>"
 */
export function sanitizeDescription(html: string, options: SanitizeOptions = {}): SanitizedDescription {
  const removed: Partial<Record<RemovedKind, number>> = {};
  const count = (kind: RemovedKind, n = 1) => {
    removed[kind] = (removed[kind] ?? 0) + n;
  };
  const images: { src: string; alt: string }[] = [];
  const document = parseDocument(html, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });

  const cleanText = (text: string): string => {
    const sentences = text.split(/(?<=[.!?。！？])\s+|\n+/u);
    const kept = sentences.filter((sentence) => {
      if (!hasContactInfo(sentence)) return true;
      count("contact_info");
      return false;
    });
    // All whitespace (newlines, no-break spaces) becomes one space: HTML renders it so anyway,
    // and it keeps the output stable when sanitised again.
    return kept.join(" ").replace(/\s+/g, " ");
  };

  const renderImage = (attribs: Record<string, string>): string => {
    const size = (name: string) => {
      const match = /^\s*(\d+)/.exec(attribs[name] ?? "");
      return match ? Number(match[1]) : undefined;
    };
    const style = attribs.style ?? "";
    const width = size("width");
    const height = size("height");
    const src = attribs.src ?? attribs["data-src"];
    if (
      (width !== undefined && width <= 3) ||
      (height !== undefined && height <= 3) ||
      /display\s*:\s*none|visibility\s*:\s*hidden|(?:width|height)\s*:\s*[0-3]px/i.test(style) ||
      (src !== undefined && TRACKING_SRC.test(src))
    ) {
      count("tracking_pixels");
      return "";
    }
    const url = safeImageUrl(src);
    if (!url) {
      count("unsafe_urls");
      return "";
    }
    if (options.images === "drop") return "";
    const given = (attribs.alt ?? "").replace(/\s+/g, " ").trim();
    const meaningful =
      given.length >= 3 &&
      given.length <= 125 &&
      !/\.(jpe?g|png|gif|webp)$/i.test(given) &&
      !/^(img|image|pic|photo)[\s_-]*\d*$/i.test(given) &&
      !hasContactInfo(given);
    const base = options.imageAlt?.trim();
    const alt = meaningful ? given : base ? `${base} ${images.length + 1}` : "";
    images.push({ src: url, alt });
    return `<img src="${escapeAttr(url)}" alt="${escapeAttr(alt)}">`;
  };

  const hasBlockDescendant = (node: AnyNode): boolean =>
    isElement(node) &&
    node.children.some(
      (child) => isElement(child) && (BLOCK_OUTPUT.has(child.name) || hasBlockDescendant(child)),
    );

  const render = (node: AnyNode): string => {
    if (isText(node)) return escapeText(cleanText(node.data));
    if (!isElement(node)) return ""; // comments, CDATA, processing instructions
    const name = RENAMED[node.name] ?? node.name;
    const handlers = Object.keys(node.attribs).filter((a) => a.startsWith("on")).length;
    if (handlers > 0) count("event_handlers", handlers);
    if (node.attribs.style !== undefined && name !== "img") count("styles");
    if (DROPPED_WITH_CONTENT.has(name)) {
      if (name === "script") count("scripts");
      else if (name === "style" || name === "link") count("styles");
      else if (["form", "input", "button", "select", "option", "textarea"].includes(name)) count("forms");
      else count("embeds");
      return "";
    }
    if (name === "img") return renderImage(node.attribs);
    // Supplier links point to their store, coupons or other listings: without the target the
    // anchor text ("Click here for coupon") is noise, so the whole link goes.
    if (name === "a") {
      count("links");
      return "";
    }
    const inner = node.children.map(render).join("");
    if (BLOCK_CONTAINERS.has(name)) {
      if (!inner.replace(/<br>/g, "").trim()) return "";
      return hasBlockDescendant(node) ? inner : `<p>${inner.trim()}</p>`;
    }
    if (!ALLOWED.has(name)) return inner;
    if (VOID.has(name)) return `<${name}>`;
    if (!KEEP_WHEN_EMPTY.has(name) && !inner.replace(/<br>/g, "").trim()) return "";
    let attributes = "";
    if (name === "td" || name === "th")
      for (const span of ["colspan", "rowspan"]) {
        const value = node.attribs[span];
        if (value && /^\d{1,2}$/.test(value) && Number(value) >= 1) attributes += ` ${span}="${value}"`;
      }
    return `<${name}${attributes}>${inner}</${name}>`;
  };

  const out = document.children
    .map(render)
    .join("")
    // Adjacent text nodes (around a dropped element) can leave double spaces.
    .replace(/ {2,}/g, " ")
    .replace(/(?:\s*<br>\s*){3,}/g, "<br><br>")
    .replace(BLOCK_GAP_AFTER, "$1")
    .replace(BLOCK_GAP_BEFORE, "$1")
    .trim();
  const text = out
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
  return { html: out, text, images, imageOnly: images.length > 0 && text === "", removed };
}

/** Escapes text for HTML output; shared with the specifications table. */
export function escapeHtml(text: string): string {
  return escapeAttr(text);
}
