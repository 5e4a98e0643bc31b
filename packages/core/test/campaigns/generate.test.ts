import { describe, expect, it } from "vitest";
import { createAI } from "../../src/ai/index.js";
import { LANGUAGES } from "../../src/i18n/index.js";
import {
  CHANNELS,
  chooseTemplate,
  campaignRequestSchema,
  contentTexts,
  generateCampaign,
  generateCampaigns,
  localizeCampaign,
  markerProblems,
  mergeTagsOf,
  protectTokens,
  restoreTokens,
  validateChannelContent,
  type Campaign,
} from "../../src/campaigns/index.js";
import type { Persona } from "../../src/personas/index.js";

const shop = { name: "Maison Thé", url: "https://maison.example" };
const products = [
  { id: "101", title: "Earl Grey Supérieur", url: "https://maison.example/p/101", price: 12.5 },
  { id: "102", title: "Théière en fonte", url: "https://maison.example/p/102", price: 49 },
];
const persona = (segment: Persona["segment"]): Persona => ({
  id: "persona-1",
  name: "Camille — Fidèles",
  summary: "16% des clients : 5,4 commandes en moyenne.",
  demographics: { ageRange: [30, 54], locations: ["France"] },
  goals: ["a", "b"],
  pains: ["a", "b"],
  objections: ["Pourquoi payer plein tarif ?", "b"],
  buyingTriggers: ["Accès en avant-première", "b"],
  preferredChannels: ["email"],
  toneOfVoice: "Chaleureux",
  favouriteProductIds: ["102"],
  segment,
  avatar: null,
});

describe("campaign generation offline", () => {
  const ai = createAI();

  it("writes valid copy for every channel in the 10 languages", async () => {
    for (const language of LANGUAGES)
      for (const channel of CHANNELS) {
        const campaign = await generateCampaign(ai, {
          shop,
          persona: persona("loyal"),
          products,
          channel,
          language,
        });
        expect(campaign.generatedBy).toBe("template");
        expect(validateChannelContent(campaign.content), `${language}/${channel}`).toEqual([]);
        expect(campaign.template?.id).toBe("new_arrival"); // loyal, no offer → first fitting template
        expect(campaign.productIds).toEqual(["101", "102"]);
        expect(JSON.stringify(campaign.content)).toContain("Earl Grey");
      }
  });

  it("picks the template by segment and by what the request can fill", () => {
    const parse = (extra: object) =>
      campaignRequestSchema.parse({ shop, products, channel: "email", language: "en", ...extra });
    expect(chooseTemplate("at_risk", parse({ offer: { code: "BACK", discountPercent: 15 } }))).toBe(
      "win_back",
    );
    expect(chooseTemplate("at_risk", parse({}))).toBe("new_arrival"); // win-back needs an offer
    expect(chooseTemplate("new", parse({ offer: { code: "HELLO", discountPercent: 10 } }))).toBe("welcome");
    expect(
      chooseTemplate("champions", parse({ template: "bundle", offer: { code: "DUO", discountPercent: 10 } })),
    ).toBe("bundle");
  });

  it("generates persona × channel × language with the persona's favourites first", async () => {
    const all = await generateCampaigns(ai, {
      shop,
      personas: [persona("at_risk"), { ...persona("new"), id: "persona-2" }],
      products,
      channels: ["email", "sms"],
      languages: ["fr", "en"],
      offer: { code: "RETOUR15", discountPercent: 15 },
    });
    expect(all).toHaveLength(8);
    expect(all[0]?.productIds).toEqual(["102", "101"]);
    expect(all[0]?.template?.id).toBe("win_back");
    expect(all[4]?.template?.id).toBe("welcome");
    for (const c of all) expect(contentTexts(c.content).join(" ")).toContain("RETOUR15");
  });

  it("rejects an invalid request naming the field", async () => {
    await expect(
      generateCampaign(ai, { shop, products: [], channel: "email", language: "fr" }),
    ).rejects.toThrow(/products/);
  });
});

describe("localisation", () => {
  const ai = createAI();

  it("protects merge tags, placeholders and URLs, and detects a lost or duplicated marker", () => {
    const { texts, tokens } = protectTokens([
      "Hi {{ customer.first_name }}, {product} at https://x.example/p?a=1 *|FNAME|*",
    ]);
    expect(texts).toEqual(["Hi ⟦1⟧, ⟦2⟧ at ⟦3⟧ ⟦4⟧"]);
    expect(restoreTokens(["Bonjour ⟦1⟧, ⟦2⟧ sur ⟦3⟧ ⟦4⟧"], tokens)).toEqual([
      "Bonjour {{ customer.first_name }}, {product} sur https://x.example/p?a=1 *|FNAME|*",
    ]);
    expect(markerProblems(texts, ["Bonjour ⟦1⟧ ⟦2⟧ ⟦3⟧"])).toEqual([
      "texts.0: markers ⟦1⟧ ⟦2⟧ ⟦3⟧ ⟦4⟧ expected, got ⟦1⟧ ⟦2⟧ ⟦3⟧",
    ]);
    expect(markerProblems(texts, ["⟦1⟧ ⟦1⟧ ⟦2⟧ ⟦3⟧ ⟦4⟧"])).toHaveLength(1);
  });

  it("re-renders template campaigns in all 10 languages with merge tags kept exactly", async () => {
    const email = await generateCampaign(ai, {
      shop,
      persona: persona("champions"),
      products,
      channel: "email",
      language: "fr",
      offer: { code: "VIP20", discountPercent: 20 },
    });
    const versions = await localizeCampaign(ai, email, LANGUAGES);
    expect(versions.map((v) => v.language)).toEqual([...LANGUAGES]);
    const tags = (c: Campaign): string[] => mergeTagsOf(contentTexts(c.content).join("\n"));
    for (const v of versions) {
      expect(v.translated).toBe(true);
      expect(tags(v)).toEqual(tags(email));
      expect(tags(v)).toEqual(["{{ customer.first_name }}"]);
      expect(validateChannelContent(v.content)).toEqual([]);
      expect(contentTexts(v.content).join(" ")).toContain("VIP20");
    }
    expect(new Set(versions.map((v) => (v.content.channel === "email" ? v.content.subject : ""))).size).toBe(
      10,
    );
  });

  it("offline, model-written copy is kept as is and flagged untranslated", async () => {
    const written: Campaign = {
      channel: "sms",
      language: "en",
      content: { channel: "sms", text: "Hi {{ first_name }}! New tea at https://maison.example/p/1" },
      personaId: null,
      segment: null,
      productIds: ["1"],
      template: null,
      generatedBy: "openai",
      model: "gpt",
    };
    const [, fr] = await localizeCampaign(ai, written, ["en", "fr"]);
    expect(fr?.translated).toBe(false);
    expect(fr?.content).toEqual(written.content);
  });
});
