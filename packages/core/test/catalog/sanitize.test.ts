import { readFileSync } from "node:fs";
import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { parseAliExpressProduct } from "../../src/catalog/aliexpress/parse.js";
import { hasContactInfo, sanitizeDescription } from "../../src/catalog/sanitize.js";
import { specificationsTable } from "../../src/catalog/specs.js";
import { loadFixture } from "./load-fixture.js";
import { ALLOWED } from "./allowed-tags.js";

const vectors = JSON.parse(
  readFileSync(new URL("./fixtures/xss-vectors.json", import.meta.url), "utf8"),
) as string[];

/** Every element and attribute of the output, re-parsed independently. */
function audit(html: string): string[] {
  const problems: string[] = [];
  const doc = parseDocument(html, { decodeEntities: true });
  for (const el of DomUtils.findAll(() => true, doc.children)) {
    if (!ALLOWED.has(el.name)) problems.push(`tag ${el.name}`);
    for (const [name, value] of Object.entries(el.attribs)) {
      const allowed =
        el.name === "img"
          ? ["src", "alt"]
          : el.name === "td" || el.name === "th"
            ? ["colspan", "rowspan"]
            : [];
      if (!allowed.includes(name)) problems.push(`attribute ${el.name}.${name}`);
      if (name === "src" && !/^https:\/\/[^\s"'<>]+$/.test(value)) problems.push(`src ${value}`);
      if ((name === "colspan" || name === "rowspan") && !/^\d+$/.test(value))
        problems.push(`${name} ${value}`);
    }
  }
  return problems;
}

describe("sanitizeDescription: XSS corpus (OWASP filter-evasion vectors and mutation XSS)", () => {
  it(`holds a corpus of ${vectors.length} vectors`, () => {
    expect(vectors.length).toBeGreaterThanOrEqual(90);
  });

  it.each(vectors.map((v, i) => [i, v] as const))(
    "vector %i yields only allow-listed markup",
    (_i, vector) => {
      const { html } = sanitizeDescription(vector, { imageAlt: "Product" });
      expect(audit(html)).toEqual([]);
      // Outside attribute values (already audited above) no active content may appear.
      const markup = html.replace(/"[^"]*"/g, '""');
      expect(markup).not.toMatch(
        /javascript:|vbscript:|data:|<script|onerror|onload|onclick|onmouseover|onfocus/i,
      );
      // Sanitising is stable: the output is already clean.
      expect(sanitizeDescription(html, { imageAlt: "Product" }).html).toBe(html);
    },
  );

  it("keeps the text of escaped markup as text", () => {
    expect(sanitizeDescription("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>").html).toBe(
      "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
    );
  });
});

describe("sanitizeDescription: supplier HTML", () => {
  const product = parseAliExpressProduct(loadFixture("ds-product-full.json"));
  const result = sanitizeDescription(product.descriptionHtml, { imageAlt: "Cotton T-Shirt" });

  it("keeps useful text, tables and images with alt text", () => {
    expect(result.html).toContain(
      "<p>Soft 100% cotton T-shirt, breathable and comfortable for daily wear.</p>",
    );
    expect(result.html).toContain("<table><tr><td>Size</td><td>Chest (cm)</td></tr>");
    expect(result.images).toEqual([
      { src: "https://ae01.alicdn.com/kf/Hdesc1.jpg", alt: "Cotton T-Shirt 1" },
      { src: "https://ae01.alicdn.com/kf/Hdesc2.jpg", alt: "Cotton T-Shirt 2" },
      { src: "https://ae01.alicdn.com/kf/Hdesc3.jpg", alt: "Cotton T-Shirt 3" },
    ]);
    expect(result.html).toContain('<img src="https://ae01.alicdn.com/kf/Hdesc3.jpg" alt="Cotton T-Shirt 3">');
  });

  it("removes scripts, iframes, handlers, pixels, links and seller contacts, and counts them", () => {
    expect(result.html).not.toMatch(/script|iframe|onclick|pixel|WhatsApp|gmail|Click here|href|style=/i);
    expect(result.removed).toMatchObject({
      scripts: 1,
      embeds: 1,
      event_handlers: 1,
      tracking_pixels: 1,
      contact_info: 1,
      links: 1,
    });
    expect(result.text).toContain("Soft 100% cotton");
    expect(result.imageOnly).toBe(false);
  });

  it("drops image walls on request and flags image-only descriptions", () => {
    const wall =
      '<div><img src="https://a.example/1.jpg"><img src="https://a.example/2.jpg" alt="Model wearing the shirt"></div>';
    const kept = sanitizeDescription(wall, { imageAlt: "Shirt" });
    expect(kept.imageOnly).toBe(true);
    expect(kept.images.map((i) => i.alt)).toEqual(["Shirt 1", "Model wearing the shirt"]);
    expect(sanitizeDescription(wall, { images: "drop" }).html).toBe("");
  });

  it("wraps inline-only containers in paragraphs and keeps block structure", () => {
    expect(
      sanitizeDescription("<div>one <span>two</span></div><div><p>three</p></div><h1>Title</h1><b>x</b>")
        .html,
    ).toBe("<p>one two</p><p>three</p><h2>Title</h2><strong>x</strong>");
  });
});

describe("hasContactInfo", () => {
  it.each([
    ["Email: seller.shop88@gmail.com", true],
    ["WhatsApp +86 138 0013 8000", true],
    ["Add me on WeChat: shop8888", true],
    ["Contact us for wholesale prices", true],
    ["Visit www.cheap-shop.example for more", true],
    ["Make Skype calls in 720p on your TV", false],
    ["Scan to e-mail addresses, printer and fax", false],
    ["Heladera Line: flores de temporada", false],
    ["Battery: 5000 mAh, 00:30 to full", false],
  ])("%s → %s", (text, expected) => {
    expect(hasContactInfo(text)).toBe(expected);
  });
});

describe("specificationsTable", () => {
  it("lists useful properties, escapes them, and leaves out empty or marketplace-only ones", () => {
    const product = parseAliExpressProduct(loadFixture("ds-product-full.json"));
    const html = specificationsTable(
      [
        ...product.specifications,
        { name: "Note", value: "<b>email me@shop.cn</b>" },
        { name: "Fit", value: "a < b" },
      ],
      "de",
    );
    expect(html).toBe(
      "<h3>Technische Daten</h3><table><tbody><tr><th>Material</th><td>Cotton</td></tr><tr><th>Sleeve Length(cm)</th><td>Short</td></tr><tr><th>Weight</th><td>180 g</td></tr><tr><th>Fit</th><td>a &lt; b</td></tr></tbody></table>",
    );
    expect(specificationsTable([{ name: "Brand Name", value: "NONE" }], "en")).toBe("");
  });
});
