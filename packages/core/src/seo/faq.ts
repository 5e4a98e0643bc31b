/**
 * Product FAQs for the storefront: a few questions shoppers ask, answered ONLY from the product's
 * own data (description, brand, type, prices, variants), in the product's language. Written by
 * the AI engine under a zod schema and checked against the limits and the facts; when the model
 * cannot meet them (or there is no model), the deterministic generator answers from the same
 * facts in any of the ten languages, meeting the limits by construction.
 */
import { z } from "zod";
import { defineTask, offlineText, type AIEngine, type ProviderName } from "../ai/index.js";
import { isNinjaLeadError } from "../errors/index.js";
import { LANGUAGE_NAMES, LANGUAGES, type Language } from "../i18n/index.js";
import { parseOrThrow } from "../internal/zod.js";
import { inventedTokens } from "./fixes.js";
import { parseProductHtml } from "./html.js";
import { parseSeoProduct, type SeoProduct, type SeoProductInput } from "./schema.js";
import { splitSentences } from "./text.js";

/** Limits every FAQ meets, whoever wrote it (the storefront contract allows more; we keep it short). */
export const FAQ_LIMITS = {
  minItems: 1,
  maxItems: 6,
  questionMaxChars: 150,
  answerMaxChars: 500,
} as const;

/** What the task sees: only facts taken from the product. */
export interface FaqInput {
  title: string;
  vendor: string;
  productType: string;
  /** Plain text of the description, truncated. */
  facts: string;
  /** Formatted prices of the variants ("49.00 EUR"), lowest first, deduplicated. */
  prices: string[];
  /** Variant names other than Shopify's "Default Title". */
  options: string[];
}

export const faqItemSchema = z.object({ question: z.string(), answer: z.string() });
export const faqOutputSchema = z.object({ items: z.array(faqItemSchema) });
export type FaqItem = z.output<typeof faqItemSchema>;
export type FaqOutput = z.output<typeof faqOutputSchema>;

const isCjk = (language: Language): boolean => language === "ja" || language === "zh-CN";
const chars = (text: string): number => [...text].length;

function factText(input: FaqInput): string {
  return [input.title, input.vendor, input.productType, input.facts, ...input.prices, ...input.options].join(
    " ",
  );
}

/** The limits, as a list of violations (empty = acceptable). Shared by the AI check and tests. */
export function faqViolations(out: FaqOutput, input: FaqInput, language: Language): string[] {
  const problems: string[] = [];
  const n = out.items.length;
  if (n < FAQ_LIMITS.minItems || n > FAQ_LIMITS.maxItems)
    problems.push(`items has ${n} entries; between ${FAQ_LIMITS.minItems} and ${FAQ_LIMITS.maxItems}`);
  const facts = factText(input);
  const seen = new Set<string>();
  out.items.forEach((item, i) => {
    const question = item.question.trim();
    const answer = item.answer.trim();
    if (question === "") problems.push(`items[${i}].question is empty`);
    if (answer === "") problems.push(`items[${i}].answer is empty`);
    if (chars(question) > FAQ_LIMITS.questionMaxChars)
      problems.push(
        `items[${i}].question has ${chars(question)} characters; max ${FAQ_LIMITS.questionMaxChars}`,
      );
    if (chars(answer) > FAQ_LIMITS.answerMaxChars)
      problems.push(`items[${i}].answer has ${chars(answer)} characters; max ${FAQ_LIMITS.answerMaxChars}`);
    if (question !== "" && !/[?？]$/.test(question))
      problems.push(`items[${i}].question must end with a question mark`);
    // Chinese and Japanese are the languages a wrong-language answer can be told from by script.
    if (isCjk(language) && question !== "" && !/[\u3040-\u30ff\u3400-\u9fff]/u.test(question))
      problems.push(`items[${i}].question is not written in ${language}`);
    const key = question.toLowerCase();
    if (seen.has(key)) problems.push(`items[${i}].question repeats an earlier question`);
    seen.add(key);
    const invented = inventedTokens(`${question} ${answer}`, facts);
    if (invented.length > 0)
      problems.push(`items[${i}] uses facts not in the product: ${invented.join(", ")}`);
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Offline generator: one template set per language, each question used only when its fact exists.

interface FaqTemplates {
  what: string;
  brand: string;
  brandAnswer: string;
  price: string;
  priceAnswer: string;
  priceRangeAnswer: string;
  options: string;
  optionsAnswer: string;
  type: string;
  typeAnswer: string;
}

const TEMPLATES: Readonly<Record<Language, FaqTemplates>> = {
  en: {
    what: "What is {title}?",
    brand: "Who makes {title}?",
    brandAnswer: "{title} is made by {vendor}.",
    price: "How much does {title} cost?",
    priceAnswer: "{title} costs {price}.",
    priceRangeAnswer: "{title} costs from {min} to {max}, depending on the option.",
    options: "Which options are available for {title}?",
    optionsAnswer: "{title} is available as: {options}.",
    type: "What kind of product is {title}?",
    typeAnswer: "{title} belongs to the category {type}.",
  },
  fr: {
    what: "Qu'est-ce que {title} ?",
    brand: "Qui fabrique {title} ?",
    brandAnswer: "{title} est fabriqué par {vendor}.",
    price: "Combien coûte {title} ?",
    priceAnswer: "{title} coûte {price}.",
    priceRangeAnswer: "{title} coûte de {min} à {max} selon l'option choisie.",
    options: "Quelles options sont disponibles pour {title} ?",
    optionsAnswer: "{title} est disponible en : {options}.",
    type: "Quel type de produit est {title} ?",
    typeAnswer: "{title} appartient à la catégorie {type}.",
  },
  es: {
    what: "¿Qué es {title}?",
    brand: "¿Quién fabrica {title}?",
    brandAnswer: "{title} está fabricado por {vendor}.",
    price: "¿Cuánto cuesta {title}?",
    priceAnswer: "{title} cuesta {price}.",
    priceRangeAnswer: "{title} cuesta de {min} a {max}, según la opción.",
    options: "¿Qué opciones hay disponibles para {title}?",
    optionsAnswer: "{title} está disponible en: {options}.",
    type: "¿Qué tipo de producto es {title}?",
    typeAnswer: "{title} pertenece a la categoría {type}.",
  },
  de: {
    what: "Was ist {title}?",
    brand: "Wer stellt {title} her?",
    brandAnswer: "{title} wird von {vendor} hergestellt.",
    price: "Was kostet {title}?",
    priceAnswer: "{title} kostet {price}.",
    priceRangeAnswer: "{title} kostet je nach Variante zwischen {min} und {max}.",
    options: "Welche Varianten gibt es von {title}?",
    optionsAnswer: "{title} gibt es in folgenden Varianten: {options}.",
    type: "Was für ein Produkt ist {title}?",
    typeAnswer: "{title} gehört zur Kategorie {type}.",
  },
  it: {
    what: "Che cos'è {title}?",
    brand: "Chi produce {title}?",
    brandAnswer: "{title} è prodotto da {vendor}.",
    price: "Quanto costa {title}?",
    priceAnswer: "{title} costa {price}.",
    priceRangeAnswer: "{title} costa da {min} a {max}, a seconda dell'opzione.",
    options: "Quali opzioni sono disponibili per {title}?",
    optionsAnswer: "{title} è disponibile in: {options}.",
    type: "Che tipo di prodotto è {title}?",
    typeAnswer: "{title} appartiene alla categoria {type}.",
  },
  "pt-BR": {
    what: "O que é {title}?",
    brand: "Quem fabrica {title}?",
    brandAnswer: "{title} é fabricado por {vendor}.",
    price: "Quanto custa {title}?",
    priceAnswer: "{title} custa {price}.",
    priceRangeAnswer: "{title} custa de {min} a {max}, conforme a opção.",
    options: "Quais opções estão disponíveis para {title}?",
    optionsAnswer: "{title} está disponível em: {options}.",
    type: "Que tipo de produto é {title}?",
    typeAnswer: "{title} pertence à categoria {type}.",
  },
  nl: {
    what: "Wat is {title}?",
    brand: "Wie maakt {title}?",
    brandAnswer: "{title} wordt gemaakt door {vendor}.",
    price: "Hoeveel kost {title}?",
    priceAnswer: "{title} kost {price}.",
    priceRangeAnswer: "{title} kost van {min} tot {max}, afhankelijk van de optie.",
    options: "Welke opties zijn er voor {title}?",
    optionsAnswer: "{title} is verkrijgbaar als: {options}.",
    type: "Wat voor product is {title}?",
    typeAnswer: "{title} hoort bij de categorie {type}.",
  },
  pl: {
    what: "Czym jest {title}?",
    brand: "Kto produkuje {title}?",
    brandAnswer: "Producentem {title} jest {vendor}.",
    price: "Ile kosztuje {title}?",
    priceAnswer: "{title} kosztuje {price}.",
    priceRangeAnswer: "{title} kosztuje od {min} do {max}, zależnie od wariantu.",
    options: "Jakie warianty {title} są dostępne?",
    optionsAnswer: "Dostępne warianty {title}: {options}.",
    type: "Jakim produktem jest {title}?",
    typeAnswer: "{title} należy do kategorii {type}.",
  },
  ja: {
    what: "{title}とは何ですか？",
    brand: "{title}のメーカーはどこですか？",
    brandAnswer: "{title}は{vendor}の製品です。",
    price: "{title}の価格はいくらですか？",
    priceAnswer: "{title}の価格は{price}です。",
    priceRangeAnswer: "{title}の価格はオプションにより{min}から{max}です。",
    options: "{title}にはどのオプションがありますか？",
    optionsAnswer: "{title}のオプション：{options}。",
    type: "{title}はどの種類の商品ですか？",
    typeAnswer: "{title}は{type}のカテゴリーの商品です。",
  },
  "zh-CN": {
    what: "{title}是什么？",
    brand: "{title}由谁生产？",
    brandAnswer: "{title}由{vendor}生产。",
    price: "{title}多少钱？",
    priceAnswer: "{title}的价格为{price}。",
    priceRangeAnswer: "{title}的价格根据选项在{min}至{max}之间。",
    options: "{title}有哪些可选款式？",
    optionsAnswer: "{title}可选：{options}。",
    type: "{title}属于哪类商品？",
    typeAnswer: "{title}属于{type}类别。",
  },
};

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");
}

/** Cuts at a sentence end when one fits, else at a word, with an ellipsis. */
function clip(text: string, max: number): string {
  if (chars(text) <= max) return text;
  let out = "";
  for (const sentence of splitSentences(text)) {
    const next = out ? `${out} ${sentence}` : sentence;
    if (chars(next) > max) break;
    out = next;
  }
  return out || offlineText.truncate(text, max);
}

/** The FAQ built from the facts alone: every item states a fact the product data holds. */
export function offlineFaq(input: FaqInput, language: Language): FaqOutput {
  const t = TEMPLATES[language];
  const title = offlineText.truncate(input.title.trim(), 80);
  const items: FaqItem[] = [];
  const add = (question: string, answer: string) =>
    items.push({
      question: offlineText.truncate(question, FAQ_LIMITS.questionMaxChars),
      answer: clip(answer, FAQ_LIMITS.answerMaxChars),
    });
  const description = input.facts.trim();
  if (description) add(fill(t.what, { title }), description);
  if (input.vendor.trim())
    add(fill(t.brand, { title }), fill(t.brandAnswer, { title, vendor: input.vendor.trim() }));
  const [min, ...rest] = input.prices;
  const max = rest.at(-1);
  if (min) {
    add(
      fill(t.price, { title }),
      max ? fill(t.priceRangeAnswer, { title, min, max }) : fill(t.priceAnswer, { title, price: min }),
    );
  }
  if (input.options.length >= 2) {
    const list = offlineText.truncate(input.options.slice(0, 12).join(isCjk(language) ? "、" : ", "), 300);
    add(fill(t.options, { title }), fill(t.optionsAnswer, { title, options: list }));
  }
  if (input.productType.trim())
    add(fill(t.type, { title }), fill(t.typeAnswer, { title, type: input.productType.trim() }));
  // A product with nothing but a title still gets one honest item: what it is called.
  if (items.length === 0) add(fill(t.what, { title }), `${title}.`);
  return { items: items.slice(0, FAQ_LIMITS.maxItems) };
}

export const productFaqTask = defineTask({
  name: "seo.faq.v1",
  schema: faqOutputSchema,
  promptTokenBudget: 1_400,
  prompt: (input: FaqInput, ctx) => ({
    system: [
      `You write the FAQ of one Shopify product page, in ${LANGUAGE_NAMES[ctx.language]} (${ctx.language}).`,
      "Use ONLY facts from the product data below. Never invent numbers, materials, sizes, brands, certifications, shipping or return terms.",
      `Write 3 to ${FAQ_LIMITS.maxItems} questions a shopper would ask, fewer if the data does not answer more; each answer states facts from the data.`,
      `question: at most ${FAQ_LIMITS.questionMaxChars} characters, ends with a question mark, no two alike. answer: at most ${FAQ_LIMITS.answerMaxChars} characters, plain text.`,
      "Answer with JSON only.",
    ].join("\n"),
    user: [
      `Title: ${input.title}`,
      `Brand: ${input.vendor}`,
      `Type: ${input.productType}`,
      `Prices: ${input.prices.join(", ")}`,
      `Options: ${input.options.join(", ")}`,
      `Description:\n${offlineText.truncate(input.facts, 2_000)}`,
    ].join("\n"),
    maxOutputTokens: 1_200,
  }),
  offline: (input, ctx) => offlineFaq(input, ctx.language),
  check: (out, input, ctx) => faqViolations(out, input, ctx.language),
});

/** The task's input from a product: its own data only. */
export function faqInputOf(product: SeoProduct): FaqInput {
  const description = parseProductHtml(product.descriptionHtml)
    .blocks.map((b) => b.text)
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
  const currency = /^[A-Z]{3}$/.test(product.currency) ? ` ${product.currency}` : "";
  const amounts = [
    ...new Set(product.variants.flatMap((v) => (v.price === undefined ? [] : [v.price]))),
  ].sort((a, b) => a - b);
  const prices = amounts.length > 1 ? [amounts[0], amounts.at(-1)] : amounts;
  return {
    title: product.title.trim(),
    vendor: product.vendor.trim(),
    productType: product.productType.trim(),
    facts: offlineText.truncate(description, 3_000),
    prices: prices.map((p) => `${(p ?? 0).toFixed(2)}${currency}`),
    options: [
      ...new Set(
        product.variants.map((v) => (v.title ?? "").trim()).filter((t) => t !== "" && t !== "Default Title"),
      ),
    ],
  };
}

export const generateFaqOptionsSchema = z.object({
  ai: z.custom<AIEngine>(
    (v) => typeof v === "object" && v !== null && typeof (v as { run?: unknown }).run === "function",
    "must be an AI engine (createAI)",
  ),
  /** The product's language (the FAQ is written in it); defaults to the product's own. */
  language: z.enum(LANGUAGES).optional(),
  shopId: z.string().optional(),
  signal: z.custom<AbortSignal>((v) => v instanceof AbortSignal).optional(),
});
export type GenerateFaqOptions = z.input<typeof generateFaqOptionsSchema>;

export interface ProductFaq {
  language: Language;
  items: FaqItem[];
  provider: ProviderName;
  model: string;
  /** Why the offline FAQ replaced the model's answer, when it did. */
  fallbackReason?: string;
}

/**
 * Writes a product's FAQ in its language: the model's answer when it meets the limits and the
 * facts, else the offline FAQ (never an error for a model that could not comply).
 *
 * @example
 * const faq = await generateProductFaq({ title: "Linen shirt", vendor: "Acme", language: "fr" }, { ai });
 * faq.items // [{ question: "Qui fabrique Linen shirt ?", answer: "Linen shirt est fabriqué par Acme." }]
 */
export async function generateProductFaq(
  input: SeoProductInput | SeoProduct,
  options: GenerateFaqOptions,
): Promise<ProductFaq> {
  const opts = parseOrThrow(generateFaqOptionsSchema, options, "FAQ options");
  const product = parseSeoProduct(input);
  const language = opts.language ?? product.language;
  const faqInput = faqInputOf(product);
  const trimmed = (out: FaqOutput): FaqItem[] =>
    out.items.map((i) => ({ question: i.question.trim(), answer: i.answer.trim() }));
  try {
    const r = await opts.ai.run(productFaqTask, faqInput, {
      language,
      ...(opts.shopId ? { shopId: opts.shopId } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    return { language, items: trimmed(r.output), provider: r.provider, model: r.model };
  } catch (error) {
    if (!(isNinjaLeadError(error) && error.code === "invalid_output")) throw error;
    return {
      language,
      items: trimmed(productFaqTask.offline(faqInput, { language })),
      provider: "offline",
      model: "offline",
      fallbackReason: error.message,
    };
  }
}
