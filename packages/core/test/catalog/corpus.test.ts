import { existsSync, readFileSync } from "node:fs";
import { parseDocument, DomUtils } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { defaultKeyphrase, importContentTask } from "../../src/catalog/ai-step.js";
import { sanitizeDescription } from "../../src/catalog/sanitize.js";
import { cleanTitle } from "../../src/catalog/title.js";
import { normalizeLanguage } from "../../src/i18n/index.js";

/*
 * Real product pages written by merchants (../shared/corpus, never copied into the repo): the
 * sanitiser and the title cleaner must hold their invariants on all of them. Skipped when the
 * corpus is absent.
 */
const CORPUS = new URL("../../../../../shared/corpus/", import.meta.url);
const available = existsSync(new URL("products.en.jsonl", CORPUS));

interface CorpusProduct {
  id: string;
  title: string;
  description_html?: string | null;
}

function load(): { language: string; product: CorpusProduct }[] {
  return ["en", "de", "fr", "pt", "it", "es", "nl", "ja"].flatMap((language) => {
    const file = new URL(`products.${language}.jsonl`, CORPUS);
    if (!existsSync(file)) return [];
    return readFileSync(file, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => ({ language, product: JSON.parse(line) as CorpusProduct }));
  });
}

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

describe.skipIf(!available)("catalog on the real product corpus", () => {
  const items = available ? load() : [];

  it("sanitises every description to allow-listed, stable markup and keeps the text", () => {
    let inputChars = 0;
    let keptChars = 0;
    const problems: string[] = [];
    for (const { product } of items) {
      const html = product.description_html ?? "";
      const { html: out, text } = sanitizeDescription(html, { imageAlt: product.title });
      for (const el of DomUtils.findAll(() => true, parseDocument(out).children))
        if (!ALLOWED.has(el.name)) problems.push(`${product.id}: <${el.name}>`);
      if (sanitizeDescription(out, { imageAlt: product.title }).html !== out)
        problems.push(`${product.id}: not stable`);
      const visible = html
        .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
        .replace(/<[^>]+>/g, " ")
        .replace(/&[#\w]+;/g, " ")
        .replace(/\s+/g, " ")
        .trim();
      inputChars += visible.length;
      keptChars += text.length;
    }
    expect(problems).toEqual([]);
    // Merchant copy is not supplier spam: almost all of its text must survive.
    expect(keptChars / inputChars).toBeGreaterThan(0.97);
  });

  it("the offline AI generator satisfies its own schema and checks on every product", () => {
    const problems: string[] = [];
    for (const { language, product } of items) {
      const lang = normalizeLanguage(language);
      const title = cleanTitle(product.title, { language: lang }).title;
      const description = sanitizeDescription(product.description_html ?? "", { imageAlt: title });
      const input = {
        title,
        keyphrase: defaultKeyphrase(title),
        descriptionText: description.text,
        descriptionHtml: description.html,
        specifications: [],
        options: [],
        images: ["https://cdn.example/1.jpg", "https://cdn.example/2.jpg"],
      };
      const output = importContentTask.offline(input, { language: lang });
      const parsed = importContentTask.schema.safeParse(output);
      if (!parsed.success) problems.push(`${product.id}: schema ${parsed.error.message}`);
      for (const problem of importContentTask.check?.(output, input, { language: lang }) ?? [])
        problems.push(`${product.id}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it("cleans every title to 1–70 characters, idempotently", () => {
    const problems: string[] = [];
    for (const { language, product } of items) {
      const options = { language: normalizeLanguage(language) };
      const { title } = cleanTitle(product.title, options);
      if (title.length === 0 || title.length > 70) problems.push(`${product.id}: ${title.length} chars`);
      if (cleanTitle(title, options).title !== title) problems.push(`${product.id}: not idempotent`);
    }
    expect(problems).toEqual([]);
  });
});
