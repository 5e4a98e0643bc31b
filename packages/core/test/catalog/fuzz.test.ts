import fc from "fast-check";
import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { parseAliExpressProduct } from "../../src/catalog/aliexpress/parse.js";
import { parseAliExpressUrl } from "../../src/catalog/aliexpress/url.js";
import { ImportError } from "../../src/catalog/errors.js";
import { planImport } from "../../src/catalog/plan.js";
import { sanitizeDescription } from "../../src/catalog/sanitize.js";
import { loadFixture } from "./load-fixture.js";
import { ALLOWED } from "./allowed-tags.js";

/** Random HTML soup from fragments that matter: tags, quotes, entities, handlers, URL schemes. */
const htmlSoup = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "<",
        ">",
        "</",
        "/>",
        '"',
        "'",
        "`",
        "=",
        " ",
        "\n",
        "&",
        "&lt;",
        "&#x3C;",
        "&#106;",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "<script>",
        "</script>",
        "<style>",
        "</style>",
        "<svg",
        "<math>",
        "<iframe",
        "<img",
        "<a",
        "<p",
        "<div",
        "<table>",
        "<td",
        "<noscript>",
        "<template>",
        "<textarea>",
        "<title>",
        "</title>",
        "<xmp>",
        "<select>",
        "<option>",
        "<form>",
        " src=",
        " href=",
        " onerror=",
        " onload=",
        " style=",
        " alt=",
        " colspan=",
        " width=1",
        " height=0",
        "javascript:",
        "java\tscript:",
        "data:text/html,",
        "vbscript:",
        "https://ae01.alicdn.com/kf/x.jpg",
        "//cdn.example/y.png",
        "alert(1)",
        "WhatsApp +86 138 0013 8000",
        "mail@shop.cn",
        "Soft cotton.",
        "Größe 中文 😀",
      ),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

describe("fuzzing", () => {
  it("the sanitiser only ever outputs allow-listed markup, and is stable", () => {
    fc.assert(
      fc.property(htmlSoup, (html) => {
        const { html: out } = sanitizeDescription(html, { imageAlt: "Product" });
        for (const el of DomUtils.findAll(() => true, parseDocument(out).children)) {
          expect(ALLOWED.has(el.name)).toBe(true);
          for (const [name, value] of Object.entries(el.attribs)) {
            expect(el.name === "img" ? ["src", "alt"] : ["colspan", "rowspan"]).toContain(name);
            if (name === "src") expect(value).toMatch(/^https:\/\/[^\s"'<>]+$/);
          }
        }
        // Text may say "javascript:"; markup may not.
        for (const tag of out.match(/<[^>]*>/g) ?? [])
          expect(tag.replace(/"[^"]*"/g, '""')).not.toMatch(/<script|<style|javascript:|\son\w+=/i);
        expect(sanitizeDescription(out, { imageAlt: "Product" }).html).toBe(out);
      }),
      { numRuns: 400 },
    );
  });

  it("a damaged payload gives a product or an ImportError, never a crash", () => {
    const base = loadFixture("ds-product-full.json");
    const paths: string[][] = [];
    const walk = (value: unknown, path: string[]) => {
      if (path.length > 0) paths.push(path);
      if (value !== null && typeof value === "object")
        for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
    };
    walk(base, []);
    const damage = fc.array(
      fc.record({
        path: fc.constantFrom(...paths),
        value: fc.oneof(
          fc.constant(undefined),
          fc.constant(null),
          fc.string(),
          fc.integer(),
          fc.double(),
          fc.boolean(),
          fc.constant([]),
          fc.constant({}),
        ),
      }),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(damage, (edits) => {
        const payload = structuredClone(base) as Record<string, unknown>;
        for (const { path, value } of edits) {
          let node: unknown = payload;
          for (const key of path.slice(0, -1))
            node =
              node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
          const last = path.at(-1);
          if (last !== undefined && node !== null && typeof node === "object")
            (node as Record<string, unknown>)[last] = value;
        }
        try {
          const product = parseAliExpressProduct(payload);
          const plan = planImport(product, undefined, { importedAt: "2026-11-25T08:00:00Z" });
          expect(plan.input.variants?.length).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(ImportError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("URL parsing answers an id or an ImportError for any input", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          fc.webUrl().map((u) => u.replace(/^https?:\/\/[^/]+/, "https://fr.aliexpress.com")),
        ),
        (url) => {
          try {
            expect(parseAliExpressUrl(url)).toMatch(/^\d{8,20}$/);
          } catch (error) {
            expect(error).toBeInstanceOf(ImportError);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
