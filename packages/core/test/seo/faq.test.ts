import { describe, expect, it } from "vitest";
import { createAI } from "../../src/ai/index.js";
import { LANGUAGES } from "../../src/i18n/index.js";
import {
  FAQ_LIMITS,
  faqInputOf,
  faqViolations,
  generateProductFaq,
  offlineFaq,
  type SeoProductInput,
} from "../../src/seo/index.js";
import { parseSeoProduct } from "../../src/seo/schema.js";
import { FIXTURES, productFrom } from "./fixtures/languages.js";
import { useLocalOpenAI } from "./helpers.js";

const offline = createAI();

const multiVariant = (extra: Partial<SeoProductInput> = {}): SeoProductInput => ({
  title: "Linen shirt",
  descriptionHtml: "<p>Made of washed linen. Cut loose for warm days.</p>",
  vendor: "Acme",
  productType: "Shirts",
  language: "en",
  currency: "EUR",
  variants: [
    { title: "S", price: 49 },
    { title: "M", price: 49 },
    { title: "L", price: 54.5 },
  ],
  ...extra,
});

describe("offline FAQ", () => {
  it.each(FIXTURES)("answers only from the product's facts, within the limits ($language)", async (f) => {
    const product = productFrom(f, {
      productType: "Shirt",
      variants: [
        { title: "S", price: 79 },
        { title: "XL", price: 89 },
      ],
    });
    const faq = await generateProductFaq(product, { ai: offline });
    expect(faq.language).toBe(f.language);
    expect(faq.provider).toBe("offline");
    expect(faq.items.length).toBeGreaterThanOrEqual(4);
    const input = faqInputOf(parseSeoProduct(product));
    expect(faqViolations({ items: faq.items }, input, f.language)).toEqual([]);
    // Written in the product's language: the questions are the language's own templates.
    const english = offlineFaq(input, "en").items.map((i) => i.question);
    if (f.language !== "en") for (const item of faq.items) expect(english).not.toContain(item.question);
    expect(faq.items.some((i) => i.answer.includes("79.00 EUR") && i.answer.includes("89.00 EUR"))).toBe(
      true,
    );
    expect(faq.items.some((i) => i.answer.includes("Acme"))).toBe(true);
  });

  it("has templates for all ten languages and asks only what the data answers", () => {
    const input = faqInputOf(parseSeoProduct({ title: "Mug", language: "en" }));
    for (const language of LANGUAGES) {
      const faq = offlineFaq(input, language);
      expect(faq.items).toHaveLength(1);
      expect(faqViolations(faq, input, language)).toEqual([]);
    }
    const full = offlineFaq(faqInputOf(parseSeoProduct(multiVariant())), "en");
    expect(full.items.map((i) => i.question)).toEqual([
      "What is Linen shirt?",
      "Who makes Linen shirt?",
      "How much does Linen shirt cost?",
      "Which options are available for Linen shirt?",
      "What kind of product is Linen shirt?",
    ]);
    expect(full.items[2]?.answer).toBe(
      "Linen shirt costs from 49.00 EUR to 54.50 EUR, depending on the option.",
    );
    expect(full.items[3]?.answer).toBe("Linen shirt is available as: S, M, L.");
  });

  it("keeps long descriptions under the answer limit at a sentence end", () => {
    const long = Array.from({ length: 60 }, (_, i) => `Sentence number ${i} about the linen.`).join(" ");
    const input = faqInputOf(parseSeoProduct(multiVariant({ descriptionHtml: `<p>${long}</p>` })));
    const faq = offlineFaq(input, "en");
    expect([...(faq.items[0]?.answer ?? "")].length).toBeLessThanOrEqual(FAQ_LIMITS.answerMaxChars);
    expect(faq.items[0]?.answer).toMatch(/linen\.$/);
    expect(faqViolations(faq, input, "en")).toEqual([]);
  });

  it("the check refuses invented facts, missing question marks, repeats and too many items", () => {
    const input = faqInputOf(parseSeoProduct(multiVariant()));
    const problems = faqViolations(
      {
        items: [
          { question: "Is it waterproof?", answer: "Yes, WaterShield coated for 30 minutes." },
          { question: "Who makes it", answer: "Acme." },
          { question: "Is it waterproof?", answer: "Linen." },
          ...Array.from({ length: 4 }, (_, i) => ({ question: `Q${"?".repeat(i + 1)}`, answer: "Linen." })),
        ],
      },
      input,
      "en",
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        "items has 7 entries; between 1 and 6",
        "items[0] uses facts not in the product: 30, WaterShield",
        "items[1].question must end with a question mark",
        "items[2].question repeats an earlier question",
      ]),
    );
  });

  it("refuses a Japanese FAQ whose questions are not in Japanese", () => {
    const input = faqInputOf(parseSeoProduct(multiVariant({ language: "ja" })));
    expect(faqViolations({ items: [{ question: "What is it?", answer: "Linen." }] }, input, "ja")).toEqual([
      "items[0].question is not written in ja",
    ]);
  });

  it("validates its options", async () => {
    await expect(generateProductFaq({ title: "x" }, { ai: {} as never })).rejects.toMatchObject({
      code: "validation_failed",
    });
  });
});

describe("FAQ through the local OpenAI server", () => {
  const openai = useLocalOpenAI();

  it.each(["en", "de", "ja"] as const)(
    "never returns an FAQ that breaks the limits or the facts (%s)",
    async (language) => {
      const f = FIXTURES.find((x) => x.language === language);
      if (!f) throw new Error("fixture");
      const ai = openai.ai();
      const product = productFrom(f);
      const before = openai.chatCalls();
      const faq = await generateProductFaq(product, { ai, shopId: "shop-1" });
      expect(openai.chatCalls()).toBeGreaterThan(before);
      if (faq.provider === "offline") expect(faq.fallbackReason).toMatch(/failed its contract/);
      else expect(faq.provider).toBe("openai");
      expect(faq.language).toBe(language);
      expect(faqViolations({ items: faq.items }, faqInputOf(parseSeoProduct(product)), language)).toEqual([]);
    },
  );
});
