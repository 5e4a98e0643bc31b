// Personas and campaigns through the real OpenAI client against the local OpenAI-compatible
// server (@ninjalead/openai-emulator), in the ten languages.
import { startOpenAIEmulator, type Emulator } from "@ninjalead/openai-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAI, type AIEngine } from "../../src/ai/index.js";
import { LANGUAGES } from "../../src/i18n/index.js";
import {
  CHANNELS,
  contentTexts,
  generateCampaign,
  localizeCampaign,
  mergeTagsOf,
  validateChannelContent,
  type Campaign,
} from "../../src/campaigns/index.js";
import { generatePersonas, preparePersonaInput, translatePersonas } from "../../src/personas/index.js";
import { buildShop } from "./fixtures.js";

const shop = buildShop(1_500, 120, 9);
const request = {
  shopName: "Maison Thé",
  currency: "EUR",
  statistics: shop.analysis.statistics,
  catalog: shop.catalog,
};
let server: Emulator;
let ai: AIEngine;

beforeAll(async () => {
  server = await startOpenAIEmulator({ apiKey: "sk-test-segments" });
  ai = createAI({
    openai: { apiKey: "sk-test-segments", baseURL: server.baseURL },
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
  });
});
afterAll(async () => {
  await server.close();
});

describe("through the local OpenAI server", () => {
  it("generates grounded personas in the 10 languages (ids mapped from the model's product numbers)", async () => {
    const input = preparePersonaInput(request);
    const ids = new Set(input.products.map((p) => p.id));
    const segments = new Set(input.segments.map((s) => s.segment));
    for (const language of LANGUAGES) {
      const set = await generatePersonas(ai, request, {
        language,
        shopId: "shop-e",
        avatars: language === "en",
      });
      expect(set.generatedBy, language).toBe("openai");
      expect(set.personas.length).toBeGreaterThanOrEqual(3);
      for (const p of set.personas) {
        expect(segments.has(p.segment)).toBe(true);
        for (const id of p.favouriteProductIds) expect(ids.has(id)).toBe(true);
      }
      if (language === "en") expect(set.personas[0]?.avatar?.provider).toBe("openai");
    }
    const requests = server.stats().byPath["POST /v1/chat/completions"] ?? 0;
    expect(requests).toBeGreaterThanOrEqual(10);
  });

  it("translates personas with the model", async () => {
    const set = await generatePersonas(ai, request, { language: "en", avatars: false });
    const fr = await translatePersonas(ai, request, set, "fr");
    expect(fr.generatedBy).toBe("openai");
    expect(fr.personas.map((p) => p.favouriteProductIds)).toEqual(
      set.personas.map((p) => p.favouriteProductIds),
    );
  });

  it("writes campaigns for every channel within limits in the 10 languages", async () => {
    const set = await generatePersonas(ai, request, { language: "en", avatars: false });
    const persona = set.personas[0] ?? null;
    const products = [{ id: "8000001", title: "Sencha Bio", url: "https://maison.example/p/1", price: 12 }];
    const written: Record<string, number> = {};
    for (const language of LANGUAGES)
      for (const channel of CHANNELS) {
        const campaign = await generateCampaign(ai, {
          shop: { name: "Maison Thé", url: "https://maison.example" },
          persona,
          products,
          channel,
          language,
        });
        // The model's answer when it fits, else the template copy (then the reason is given).
        expect(["openai", "template"]).toContain(campaign.generatedBy);
        if (campaign.generatedBy === "template") expect(campaign.fallbackReason).toBeTruthy();
        expect(validateChannelContent(campaign.content), `${language}/${channel}`).toEqual([]);
        written[campaign.generatedBy] = (written[campaign.generatedBy] ?? 0) + 1;
      }
    // Most channels take the model's answer as is (the schema carries the limits).
    expect(written.openai ?? 0).toBeGreaterThanOrEqual(40);
  });

  it("never ships a translation that lost a merge tag: the emulator's echo is caught and the source kept", async () => {
    const written: Campaign = {
      channel: "email",
      language: "en",
      content: {
        channel: "email",
        subject: "{{ customer.first_name }}, new tea!",
        preheader: "Fresh from the garden",
        sections: [
          {
            heading: "Sencha",
            body: "Hi {{ customer.first_name }}, discover it at https://maison.example/p/1",
          },
        ],
        cta: { label: "Shop now", url: "https://maison.example/p/1" },
      },
      personaId: null,
      segment: null,
      productIds: ["1"],
      template: null,
      generatedBy: "openai",
      model: "gpt-4o-mini",
    };
    const before = server.stats().byPath["POST /v1/chat/completions"] ?? 0;
    const [, de] = await localizeCampaign(ai, written, ["en", "de"]);
    // The emulator answers with words from the prompt, without the ⟦n⟧ markers: the check
    // rejects it, the engine asks for a repair (a second request), then the source is kept.
    expect((server.stats().byPath["POST /v1/chat/completions"] ?? 0) - before).toBe(2);
    expect(de?.translated).toBe(false);
    expect(de?.fallbackReason).toMatch(/failed its contract/);
    expect(mergeTagsOf(contentTexts(de?.content ?? written.content).join(" "))).toEqual([
      "{{ customer.first_name }}",
      "{{ customer.first_name }}",
    ]);
  });
});
