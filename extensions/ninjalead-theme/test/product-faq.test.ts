import { LANGUAGES } from "../../../packages/core/src/i18n/index.js";
import { describe, expect, it } from "vitest";
import { FAQ_TEXTS, faq, HOSTILE, jsonLd, pageState, sweater } from "./support/fixtures.js";
import { expectInert } from "./support/html.js";
import { extractJsonLd, validateFaqPage } from "./support/schema-org.js";
import { createShopifyLiquid, loadStorefrontLocales, renderBlock } from "./support/shopify-liquid.js";

const liquid = createShopifyLiquid();
const locales = loadStorefrontLocales();

const render = (locale: string, settings: Record<string, string | boolean> = {}, value: unknown = faq) =>
  renderBlock(liquid, {
    block: "product-faq",
    state: pageState({ locale, product: sweater({ jsonld: jsonLd, faq: value }) }),
    settings,
  });

const headingOf = (file: string): unknown =>
  (locales.get(file) as { ninjalead: { faq: { heading: string } } }).ninjalead.faq.heading;

describe("Product FAQ block", () => {
  it("renders a <details>/<summary> accordion under a labelled section", async () => {
    const html = await render("en");
    expect(html).toMatch(/<section class="nl-faq" lang="en" aria-labelledby="nl-faq-(\w+)"/);
    const id = /aria-labelledby="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain(`<h2 class="nl-faq__title" id="${id}">Frequently asked questions</h2>`);
    expect(html.match(/<details class="nl-faq__item">/g)).toHaveLength(2);
    expect(html).toContain('<summary class="nl-faq__question">Can I machine wash it?</summary>');
    // Line breaks in answers become <br>; no framework JS, no inline script but JSON-LD.
    expect(html).toContain("Yes, on a wool cycle at 30 °C.<br />\nDry it flat.");
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain("ninjalead.css");
  });

  it("emits a valid FAQPage whose questions match the visible ones", async () => {
    const [node] = extractJsonLd(await render("en")) as Record<string, unknown>[];
    expect(validateFaqPage(node)).toEqual({ errors: [], missingRecommended: [] });
    expect(node).toMatchObject({
      "@type": "FAQPage",
      inLanguage: "en",
      mainEntity: FAQ_TEXTS.en.map((qa) => ({
        "@type": "Question",
        name: qa.question,
        acceptedAnswer: { "@type": "Answer", text: qa.answer },
      })),
    });
  });

  it.each(LANGUAGES)("renders in %s: its own questions, heading and FAQPage", async (lang) => {
    const html = await render(lang);
    const expected = FAQ_TEXTS[lang];
    expect(html).toContain(`lang="${lang}"`);
    expect(html).toContain(`>${String(headingOf(lang === "en" ? "en.default" : lang))}</h2>`);
    expect(html).not.toContain("translation missing");
    const [node] = extractJsonLd(html) as { mainEntity: { name: string }[] }[];
    expect(node?.mainEntity.map((q) => q.name)).toEqual(expected.map((qa) => qa.question));
  });

  it("maps regional storefront locales to our languages (pt-PT → pt-BR, fr-CA → fr)", async () => {
    expect(await render("pt-PT")).toContain(FAQ_TEXTS["pt-BR"][0]?.question);
    expect(await render("fr-CA")).toContain(FAQ_TEXTS.fr[0]?.question);
  });

  it("falls back to the FAQ's default language for a language it lacks", async () => {
    const html = await render("sv");
    expect(html).toContain('lang="en"');
    expect(html).toContain(FAQ_TEXTS.en[0]?.question);
  });

  it("honours the settings: heading, first question open, FAQPage off", async () => {
    const html = await render("en", { heading: "Sweater questions", open_first: true, faq_jsonld: false });
    expect(html).toContain(">Sweater questions</h2>");
    expect(html.match(/<details class="nl-faq__item" open>/g)).toHaveLength(1);
    expect(extractJsonLd(html)).toEqual([]);
  });

  it("renders nothing when the product has no FAQ", async () => {
    expect((await render("en", {}, null)).trim()).toBe("");
    expect((await render("en", {}, { ...faq, version: 2 })).trim()).toBe("");
  });

  it.each(HOSTILE)("escapes hostile questions, answers and heading: %s", async (evil) => {
    const value = { version: 1, defaultLanguage: "en", items: { en: [{ question: evil, answer: evil }] } };
    const html = await render("en", { heading: evil }, value);
    expectInert(html, evil);
    expect(html.match(/<script/gi)).toHaveLength(1);
    const [node] = extractJsonLd(html) as { mainEntity: { name: string }[] }[];
    expect(node?.mainEntity[0]?.name).toBe(evil);
  });
});
