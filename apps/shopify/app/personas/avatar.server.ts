import { ElementType, parseDocument } from "htmlparser2";

/*
 * Persona avatars come from an image provider (PNG/JPEG/WebP bytes) or the offline generator
 * (SVG). SVG is code: it is parsed and rebuilt from an allow-list of drawing elements and
 * presentation attributes (no script, no foreignObject, no event handlers, no links), every value
 * escaped on the way out. Raster images are kept only when their bytes are what they claim.
 */

type AnyNode = ReturnType<typeof parseDocument>["children"][number];
type ElementNode = Extract<AnyNode, { attribs: Record<string, string> }>;

const ELEMENTS = new Set([
  "svg",
  "g",
  "rect",
  "circle",
  "ellipse",
  "line",
  "polyline",
  "polygon",
  "path",
  "text",
  "tspan",
  "title",
  "desc",
  "defs",
  "lineargradient",
  "radialgradient",
  "stop",
]);
const ATTRIBUTES = new Set([
  "xmlns",
  "width",
  "height",
  "viewbox",
  "role",
  "aria-label",
  "x",
  "y",
  "x1",
  "y1",
  "x2",
  "y2",
  "cx",
  "cy",
  "r",
  "rx",
  "ry",
  "d",
  "points",
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-opacity",
  "opacity",
  "transform",
  "text-anchor",
  "font-family",
  "font-size",
  "font-weight",
  "offset",
  "stop-color",
  "stop-opacity",
  "id",
  "gradientunits",
  "gradienttransform",
]);
/** Paint may reference a gradient of the same document, nothing outside it. */
const SAFE_VALUE = /^[\p{L}\p{N}\s#%.,\-+()/:'"]*$/u;
const EXTERNAL = /url\(\s*['"]?(?!#)|javascript:|data:|expression/i;

/** Upper bound of a stored avatar: the offline SVG is < 1 KB, a 1024² PNG ~1.5 MB. */
export const MAX_AVATAR_BYTES = 2_000_000;

const escapeXml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The SVG rebuilt from the allow-list; null when it is not an SVG document. */
export function sanitizeSvg(markup: string): string | null {
  const doc = parseDocument(markup, { xmlMode: true });
  const root = doc.children.find((n): n is ElementNode => "attribs" in n);
  if (!root || root.name.toLowerCase() !== "svg") return null;
  const render = (node: AnyNode): string => {
    if (node.type === ElementType.Text) return escapeXml(node.data);
    if (!("attribs" in node)) return "";
    const element = node;
    const name = element.name.toLowerCase();
    if (!ELEMENTS.has(name)) return "";
    const attributes = Object.entries(element.attribs)
      .filter(
        ([key, value]) =>
          ATTRIBUTES.has(key.toLowerCase()) && SAFE_VALUE.test(value) && !EXTERNAL.test(value),
      )
      .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
      .join("");
    return `<${element.name}${attributes}>${element.children.map(render).join("")}</${element.name}>`;
  };
  return render(root);
}

const MAGIC: Readonly<Record<string, (b: Uint8Array) => boolean>> = {
  "image/png": (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  "image/jpeg": (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  "image/webp": (b) =>
    String.fromCharCode(...b.slice(0, 4)) === "RIFF" && String.fromCharCode(...b.slice(8, 12)) === "WEBP",
};

/**
 * What the Persona row's `avatar` column holds: sanitised SVG markup, or a data URL of a raster
 * image whose bytes match its type. Null for anything else (or too large).
 */
export function storedAvatar(image: { bytes: Uint8Array; contentType: string }): string | null {
  if (image.bytes.byteLength === 0 || image.bytes.byteLength > MAX_AVATAR_BYTES) return null;
  if (image.contentType === "image/svg+xml") return sanitizeSvg(new TextDecoder().decode(image.bytes));
  const matches = MAGIC[image.contentType];
  if (!matches?.(image.bytes)) return null;
  return `data:${image.contentType};base64,${Buffer.from(image.bytes).toString("base64")}`;
}

/** The avatar as an `<img src>`: SVG markup becomes a data URL (an image cannot run script anyway). */
export function avatarSrc(stored: string | null): string | null {
  if (!stored) return null;
  if (stored.startsWith("data:image/")) return stored;
  return `data:image/svg+xml;base64,${Buffer.from(stored, "utf8").toString("base64")}`;
}
