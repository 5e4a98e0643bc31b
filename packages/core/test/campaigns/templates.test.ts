import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/errors/index.js";
import { LANGUAGES } from "../../src/i18n/index.js";
import {
  CHANNELS,
  renderTemplate,
  shorten,
  smsSegments,
  TEMPLATE_COPY,
  TEMPLATE_IDS,
  TEMPLATE_SEGMENTS,
  TEMPLATE_VARIABLES,
  templatesForSegment,
  validateChannelContent,
  type TemplateCopy,
  type TemplateId,
} from "../../src/campaigns/index.js";
import { SEGMENTS } from "../../src/segments/index.js";

const textsOf = (c: TemplateCopy): string[] => [c.s, c.p, c.h, c.b, c.c, c.m];

const SAMPLE: { [T in TemplateId]: Record<string, unknown> } = {
  welcome: { shop: "Maison Thé", url: "https://maison.example", code: "BIENVENUE10" },
  abandoned_cart: { shop: "Maison Thé", url: "https://maison.example/cart", product: "Earl Grey Supérieur" },
  win_back: { shop: "Maison Thé", url: "https://maison.example", code: "RETOUR", discountPercent: 15 },
  new_arrival: { shop: "Maison Thé", url: "https://maison.example/p/1", product: "Sencha Bio" },
  flash_sale: {
    shop: "Maison Thé",
    url: "https://maison.example/sale",
    code: "FLASH",
    discountPercent: 30,
    hours: 24,
  },
  vip: { shop: "Maison Thé", url: "https://maison.example", code: "VIP20", discountPercent: 20 },
  back_in_stock: { shop: "Maison Thé", url: "https://maison.example/p/2", product: "Théière en fonte" },
  post_purchase: { shop: "Maison Thé", url: "https://maison.example/tips", product: "Matcha" },
  review_request: { shop: "Maison Thé", url: "https://maison.example/review", product: "Matcha" },
  seasonal: {
    shop: "Maison Thé",
    url: "https://maison.example",
    code: "NOEL",
    discountPercent: 10,
    season: "Noël",
  },
  bundle: {
    shop: "Maison Thé",
    url: "https://maison.example/bundle",
    code: "DUO",
    discountPercent: 12,
    product: "Théière",
    secondProduct: "Matcha",
  },
  replenishment: { shop: "Maison Thé", url: "https://maison.example/p/3", product: "Rooibos" },
};

describe("template library", () => {
  it("has the 12 templates, each with typed variables, target segments and copy in 10 languages", () => {
    expect(TEMPLATE_IDS).toEqual([
      "welcome",
      "abandoned_cart",
      "win_back",
      "new_arrival",
      "flash_sale",
      "vip",
      "back_in_stock",
      "post_purchase",
      "review_request",
      "seasonal",
      "bundle",
      "replenishment",
    ]);
    for (const id of TEMPLATE_IDS) {
      expect(TEMPLATE_SEGMENTS[id].length).toBeGreaterThan(0);
      const declared = new Set(Object.keys(TEMPLATE_VARIABLES[id].shape));
      for (const language of LANGUAGES) {
        const copy = TEMPLATE_COPY[id][language];
        for (const text of textsOf(copy)) {
          expect(text.trim().length).toBeGreaterThan(0);
          // Every placeholder in the copy is a declared variable (discount comes from discountPercent).
          for (const [, name] of text.matchAll(/(?<!\{)\{(\w+)\}(?!\})/g))
            expect(
              declared.has(name === "discount" ? "discountPercent" : (name ?? "")),
              `${id}/${language}: {${name}}`,
            ).toBe(true);
        }
        // Languages use the same placeholders as English.
        const names = (c: typeof copy): string =>
          [
            ...textsOf(c)
              .join(" ")
              .matchAll(/(?<!\{)\{(\w+)\}(?!\})/g),
          ]
            .map((m) => m[1])
            .sort()
            .join();
        expect(new Set(names(copy).split(",")), `${id}/${language}`).toEqual(
          new Set(names(TEMPLATE_COPY[id].en).split(",")),
        );
      }
    }
    // Every segment has at least one template.
    for (const segment of SEGMENTS) expect(templatesForSegment(segment).length, segment).toBeGreaterThan(0);
    expect(templatesForSegment("at_risk")).toContain("win_back");
  });

  it("renders every template × language × channel within the channel's limits", () => {
    for (const id of TEMPLATE_IDS)
      for (const language of LANGUAGES)
        for (const channel of CHANNELS) {
          const content = renderTemplate(id, SAMPLE[id] as never, language, channel);
          expect(validateChannelContent(content, { language }), `${id}/${language}/${channel}`).toEqual([]);
          const text = JSON.stringify(content);
          expect(text, `${id}/${language}/${channel}`).not.toMatch(
            /(?<!\{)\{(shop|product|code|discount|hours|season|secondProduct)\}/,
          );
        }
  });

  it("fills variables, formats discounts per language, keeps merge tags exactly", () => {
    const fr = renderTemplate(
      "win_back",
      { shop: "Maison Thé", url: "https://m.example", code: "RETOUR", discountPercent: 15 },
      "fr",
      "email",
    );
    if (fr.channel !== "email") throw new Error("expected email");
    expect(fr.subject).toBe("Vous nous manquez : 15\u00a0% sur votre commande");
    expect(fr.sections[0]?.body.startsWith("Bonjour {{ customer.first_name }},\n\n")).toBe(true);
    expect(fr.cta).toEqual({ label: "J'en profite", url: "https://m.example" });
    const sms = renderTemplate(
      "back_in_stock",
      { shop: "Maison Thé", url: "https://m.example/p/1", product: "Earl Grey" },
      "fr",
      "sms",
    );
    expect(sms).toEqual({
      channel: "sms",
      text: "Maison Thé : Earl Grey est de retour ! Commandez : https://m.example/p/1",
    });
  });

  it("shortens a long product name, never the template text, to fit", () => {
    const product = "Coffret dégustation grands crus de thés noirs et verts d'exception, édition limitée";
    const email = renderTemplate(
      "abandoned_cart",
      { shop: "Maison Thé", url: "https://m.example", product },
      "fr",
      "email",
    );
    if (email.channel !== "email") throw new Error("expected email");
    expect([...email.subject].length).toBeLessThanOrEqual(60);
    expect(email.subject.startsWith("Vous avez oublié Coffret dégustation")).toBe(true);
    expect(email.subject.endsWith("… dans votre panier")).toBe(true);
    const sms = renderTemplate(
      "abandoned_cart",
      { shop: "Maison Thé", url: "https://m.example", product },
      "pl",
      "sms",
    );
    if (sms.channel !== "sms") throw new Error("expected sms");
    expect(smsSegments(sms.text).segments).toBeLessThanOrEqual(2);
    expect(shorten("alpha beta gamma delta", 12)).toBe("alpha beta…");
  });

  it("rejects bad variables naming each one", () => {
    try {
      renderTemplate(
        "flash_sale",
        { shop: "", url: "not a url", code: "a b", discountPercent: 150, hours: 24 },
        "en",
        "email",
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => i.path).sort()).toEqual([
        "code",
        "discountPercent",
        "shop",
        "url",
      ]);
    }
  });
});
