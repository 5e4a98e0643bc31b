// The product page's Storefront section (its action, as the route calls it), through the store
// emulator over HTTP: generate an FAQ draft, edit it with inline errors, publish and unpublish it,
// publish the structured data.
import { createAI } from "@ninjalead/core/ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadProductStorefront, runStorefrontAction } from "../../app/storefront/product-faq.server.js";
import { startHarness, type Harness } from "../helpers/harness.js";

let h: Harness;
let shop: string;
let productId: bigint;
const ai = createAI();

function act(fields: Record<string, string | string[]>) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
  }
  return runStorefrontAction({
    ctx: h.ctx,
    ai: () => Promise.resolve(ai),
    shop,
    productId,
    form,
    actor: { type: "staff", id: "7" },
  });
}
const faqMetafield = () =>
  h.emulator.store
    .getProduct(Number(productId))
    ?.metafields.find((m) => m.namespace.startsWith("app--") && m.key === "faq");

beforeAll(async () => {
  h = await startHarness();
  shop = h.emulator.shop;
  await h.install();
  await h.settle();
  const product = await h.ctx.db.prisma.product.findFirstOrThrow({ where: { shop }, orderBy: { id: "asc" } });
  productId = product.id;
});
afterAll(async () => {
  await h.close();
});

describe("product page: storefront FAQ", () => {
  it("generates a draft in the chosen language from the product's facts", async () => {
    expect(await act({ intent: "faq-generate", language: "fr" })).toEqual({
      ok: true,
      intent: "faq-generate",
      language: "fr",
    });
    const { faqs, languages } = await loadProductStorefront(h.ctx.db.prisma, shop, productId);
    expect(languages[0]).toBe("en");
    const [faq] = faqs;
    expect(faq).toMatchObject({ language: "fr", status: "draft", generatedBy: "offline" });
    expect(faq?.items.length).toBeGreaterThan(0);
    expect(faq?.items.every((i) => i.question.endsWith("?"))).toBe(true);
    expect(faqMetafield()).toBeUndefined();
  });

  it("refuses bad edits field by field, writing nothing", async () => {
    const result = await act({
      intent: "faq-save",
      language: "fr",
      question: ["Sans point", "Taille ?"],
      answer: ["Oui.", " "],
    });
    expect(result).toEqual({
      ok: false,
      intent: "faq-save",
      language: "fr",
      fieldErrors: {
        "items.0.question": "storefront.errorQuestionMark",
        "items.1.answer": "storefront.errorAnswerEmpty",
      },
    });
    expect(await act({ intent: "faq-save", language: "xx" })).toMatchObject({
      ok: false,
      fieldErrors: { language: "storefront.errorLanguage" },
    });
    expect(await act({ intent: "faq-save", language: "fr" })).toMatchObject({
      ok: false,
      fieldErrors: { items: "storefront.errorItemCount" },
    });
    const { faqs } = await loadProductStorefront(h.ctx.db.prisma, shop, productId);
    expect(faqs[0]?.items[0]?.question).not.toBe("Sans point");
  });

  it("saves, publishes, edits live and unpublishes", async () => {
    const items = { question: ["Quelle taille choisir ?"], answer: ["Prenez votre taille habituelle."] };
    expect(await act({ intent: "faq-save", language: "fr", ...items })).toMatchObject({ ok: true });
    expect(await act({ intent: "faq-publish", language: "fr" })).toMatchObject({ ok: true });
    expect(JSON.parse(faqMetafield()?.value ?? "null")).toEqual({
      version: 1,
      defaultLanguage: "fr",
      items: { fr: [{ question: "Quelle taille choisir ?", answer: "Prenez votre taille habituelle." }] },
    });
    // An edit to a published FAQ goes live at once.
    await act({ intent: "faq-save", language: "fr", question: "Lavable ?", answer: "Oui, à 30 degrés." });
    expect(faqMetafield()?.value).toContain("Lavable ?");
    expect(await act({ intent: "faq-unpublish", language: "fr" })).toMatchObject({ ok: true });
    expect(faqMetafield()).toBeUndefined();
    const { faqs } = await loadProductStorefront(h.ctx.db.prisma, shop, productId);
    expect(faqs[0]).toMatchObject({ status: "draft", items: [{ question: "Lavable ?" }] });
  });

  it("publishes the structured data", async () => {
    expect(await act({ intent: "jsonld-publish" })).toEqual({ ok: true, intent: "jsonld-publish" });
    const product = h.emulator.store.getProduct(Number(productId));
    expect(product?.metafields.some((m) => m.key === "jsonld")).toBe(true);
  });
});
