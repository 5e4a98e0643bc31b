import { existsSync, readFileSync } from "node:fs";
import { parseDocument, DomUtils } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { defaultKeyphrase, importContentTask } from "../../src/catalog/ai-step.js";
import { sanitizeDescription } from "../../src/catalog/sanitize.js";
import { cleanTitle } from "../../src/catalog/title.js";
import { normalizeLanguage } from "../../src/i18n/index.js";
import { ALLOWED } from "./allowed-tags.js";

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

describe.skipIf(!available)("catalog on the real product corpus", () => {
  const items = available ? load() : [];
  // Each product is cleaned once and shared by the tests below (they are the slow part).
  const cleaned = items.map(({ language, product }) => {
    const lang = normalizeLanguage(language);
    const title = cleanTitle(product.title, { language: lang }).title;
    return {
      lang,
      product,
      title,
      description: sanitizeDescription(product.description_html ?? "", { imageAlt: product.title }),
    };
  });

  it("sanitises every description to allow-listed, stable markup and keeps the text", () => {
    let inputChars = 0;
    let keptChars = 0;
    const problems: string[] = [];
    for (const { product, description } of cleaned) {
      const html = product.description_html ?? "";
      const out = description.html;
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
      keptChars += description.text.length;
    }
    expect(problems).toEqual([]);
    // Merchant copy is not supplier spam: almost all of its text must survive.
    expect(keptChars / inputChars).toBeGreaterThan(0.97);
  });

  it("the offline AI generator satisfies its own schema and checks (every third product)", () => {
    const problems: string[] = [];
    // A third of the corpus (~830 products in all languages) keeps this test fast on a busy machine.
    for (const { lang, product, title, description } of cleaned.filter((_, i) => i % 3 === 0)) {
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
    for (const { lang, product, title } of cleaned) {
      if (title.length === 0 || title.length > 70) problems.push(`${product.id}: ${title.length} chars`);
      if (cleanTitle(title, { language: lang }).title !== title)
        problems.push(`${product.id}: not idempotent`);
    }
    expect(problems).toEqual([]);
  });
});
