import { startOpenAIEmulator, type Emulator } from "@ninjalead/openai-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAI, promptTokens } from "../../src/ai/index.js";
import {
  importContentTask,
  optimiseImport,
  prepareImportContent,
  reviewImportContent,
  type ImportContent,
} from "../../src/catalog/ai-step.js";
import { parseAliExpressProduct } from "../../src/catalog/aliexpress/parse.js";
import { planImport } from "../../src/catalog/plan.js";
import { sanitizeDescription } from "../../src/catalog/sanitize.js";
import type { Language } from "../../src/i18n/index.js";
import { loadFixture } from "./load-fixture.js";

const CASES: [string, Language, string | undefined][] = [
  ["ds-product-full.json", "en", "cotton t-shirt"],
  ["ds-product-result-fr-eur.json", "fr", undefined],
  ["ds-product-single-sku-de.json", "de", "Thermosflasche"],
  ["ds-product-choice-ja.json", "ja", undefined],
  ["ds-product-attr-only-es.json", "es", "mochila impermeable"],
];

describe("optimiseImport offline", () => {
  const ai = createAI();

  it.each(CASES)(
    "%s (%s): offline copy passes the SEO audit and flows into planImport",
    async (name, language, keyphrase) => {
      const product = parseAliExpressProduct(loadFixture(name));
      const result = await optimiseImport(ai, product, { language, ...(keyphrase ? { keyphrase } : {}) });
      expect(result.provider).toBe("offline");
      expect(result.warnings).toEqual([]);
      expect(result.accepted).toEqual(["title", "seo", "description", "altTexts"]);
      expect(result.scores.after).toBeGreaterThanOrEqual(result.scores.before);
      expect(result.content.seoTitle?.toLowerCase()).toContain(result.keyphrase.toLowerCase());
      expect(result.content.seoDescription?.toLowerCase()).toContain(result.keyphrase.toLowerCase());
      expect(Object.keys(result.content.altTexts ?? {})).toEqual(product.images.slice(0, 20));
      const plan = planImport(product, undefined, {
        language,
        keyphrase: result.keyphrase,
        content: result.content,
        pricing: { currency: product.currency },
        importedAt: "2026-11-25T08:00:00Z",
      });
      expect(plan.input.seo?.title).toBe(result.content.seoTitle);
      expect(plan.input.descriptionHtml).toBe(result.content.descriptionHtml);
      if (product.images[0])
        expect(plan.input.files?.[0]?.alt).toBe(result.content.altTexts?.[product.images[0]]);
    },
  );

  it("is deterministic and keeps its prompt within budget", async () => {
    const product = parseAliExpressProduct(loadFixture("ds-product-full.json"));
    const a = await optimiseImport(ai, product, { language: "fr" });
    const b = await optimiseImport(ai, product, { language: "fr" });
    expect(a.content).toEqual(b.content);
    const prepared = prepareImportContent(product, { language: "de" });
    expect(promptTokens(importContentTask, prepared.input, { language: "de" })).toBeLessThanOrEqual(
      importContentTask.promptTokenBudget ?? 0,
    );
  });
});

describe("reviewImportContent", () => {
  const product = parseAliExpressProduct(loadFixture("ds-product-result-fr-eur.json"));
  const prepared = prepareImportContent(product, { language: "fr", keyphrase: "montre connectée" });
  const good = importContentTask.offline(prepared.input, { language: "fr" });

  it("accepts the offline copy as a whole", () => {
    expect(reviewImportContent(prepared, good).rejected).toEqual([]);
  });

  it("rejects each field that fails its SEO checks, keeping the others", () => {
    const bad: ImportContent = {
      ...good,
      title: "MONTRE CONNECTÉE HOMME FEMME SPORT ÉTANCHE BLUETOOTH CARDIO PODOMÈTRE",
      seoTitle: "Montre",
      metaDescription: "Super.",
      altTexts: ["x"],
    };
    const review = reviewImportContent(prepared, bad);
    expect(review.rejected.map((r) => r.field)).toEqual(["title", "seo", "altTexts"]);
    expect(review.rejected.find((r) => r.field === "title")?.checks).toContain("capitals");
    expect(review.rejected.find((r) => r.field === "altTexts")?.checks).toEqual(["altTexts.count"]);
    expect(review.accepted).toEqual(["description"]);
    expect(review.content.title).toBeUndefined();
    expect(review.content.seoTitle).toBeUndefined();
    expect(review.warnings.map((w) => w.code)).toEqual(["ai_rejected", "ai_rejected", "ai_rejected"]);
  });

  it("sanitises a generated description before judging or keeping it", () => {
    const review = reviewImportContent(prepared, {
      ...good,
      descriptionHtml: `${good.descriptionHtml}<script>alert(1)</script><p onclick="x()">Écrivez-nous sur WhatsApp +33 6 12 34 56 78.</p>`,
    });
    const html = review.content.descriptionHtml ?? "";
    expect(html).not.toMatch(/script|onclick|WhatsApp/);
    expect(sanitizeDescription(html).html).toBe(html);
  });

  it("the task's check names every violated rule for the repair round-trip", () => {
    const problems = importContentTask.check?.(
      {
        ...good,
        seoTitle: "Free Shipping watch",
        metaDescription: "Contact us on WhatsApp",
        title: "2024 Hot Sale Watch",
        altTexts: [],
        descriptionHtml: "<a href='https://x.example'>shop</a>",
      },
      prepared.input,
      { language: "fr" },
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^altTexts must have exactly 2/),
        'seoTitle must contain "montre connectée"',
        expect.stringMatching(/^metaDescription must not contain contact/),
        expect.stringMatching(/^title must not contain promotional noise/),
        expect.stringMatching(/^descriptionHtml must use only/),
      ]),
    );
  });
});

describe("optimiseImport through the local OpenAI server", () => {
  let openai: Emulator;
  beforeAll(async () => {
    openai = await startOpenAIEmulator({ apiKey: "sk-test-catalog" });
  });
  afterAll(() => openai.close());

  const engine = () =>
    createAI({
      openai: { apiKey: "sk-test-catalog", baseURL: openai.baseURL },
      retry: { baseDelayMs: 5, maxDelayMs: 20 },
    });

  it("sends the cleaned facts and rules, repairs once, and falls back to audited offline copy when the model misses the rules", async () => {
    openai.resetStats();
    const product = parseAliExpressProduct(loadFixture("ds-product-full.json"));
    const result = await optimiseImport(engine(), product, {
      language: "en",
      keyphrase: "cotton t-shirt",
      shopId: "shop-1",
    });
    const log = openai.log().filter((r) => r.path === "/v1/chat/completions");
    expect(log.length).toBe(2);
    const first = JSON.stringify(log[0]?.body);
    expect(first).toContain("cotton t-shirt");
    expect(first).not.toMatch(/WhatsApp|gmail|<script/);
    expect(first).toContain("json_schema");
    expect(JSON.stringify(log[1]?.body)).toContain("did not meet the requirements");
    // The emulator's generic text cannot contain the keyphrase: the offline copy is used and said so.
    expect(result.provider).toBe("offline");
    expect(result.warnings.map((w) => w.code)).toEqual(["ai_unavailable"]);
    expect(result.accepted).toEqual(["title", "seo", "description", "altTexts"]);
  });

  it("falls back to offline when the provider is down", async () => {
    openai.resetStats();
    openai.setFault({ type: "status", status: 503 });
    try {
      const product = parseAliExpressProduct(loadFixture("ds-product-choice-ja.json"));
      const result = await optimiseImport(engine(), product, { language: "ja" });
      expect(result.provider).toBe("offline");
      expect(openai.stats().byStatus[503]).toBeGreaterThan(0);
      expect(result.content.title).toBeDefined();
    } finally {
      openai.setFault(undefined);
    }
  });

  it("propagates a caller abort", async () => {
    openai.setFault({ type: "hang" });
    const controller = new AbortController();
    try {
      const product = parseAliExpressProduct(loadFixture("ds-product-full.json"));
      const pending = optimiseImport(engine(), product, { language: "en", signal: controller.signal });
      await expect.poll(() => openai.stats().requests).toBeGreaterThan(0);
      controller.abort();
      await expect(pending).rejects.toMatchObject({ code: "aborted" });
    } finally {
      openai.setFault(undefined);
    }
  });
});
