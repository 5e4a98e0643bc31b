import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LANGUAGES } from "../../src/i18n/index.js";
import {
  createAI,
  createOfflineAvatarSvg,
  type AIConfig,
  type AIEngine,
  type ProviderName,
  type UsageRecord,
} from "../../src/ai/index.js";
import { chatRequests, engineFor, product, productCopy, startServers, type Servers } from "./fixtures.js";

// One battery of tests, run against every provider (shopify-app-js' batteryOfTests pattern).
// `make` builds an engine on the provider under test (the servers live for the whole file).
function contractSuite(name: ProviderName, model: string, make: (extra?: AIConfig) => AIEngine): void {
  describe(`AI contract: ${name}`, () => {
    let ai: AIEngine;
    beforeAll(() => {
      ai = make();
    });

    it("returns schema-valid output labelled with its provider and model, in all ten languages", async () => {
      for (const language of LANGUAGES) {
        const input = product(LANGUAGES.indexOf(language));
        const result = await ai.run(productCopy, input, { language, cache: "bypass" });
        expect(result.provider).toBe(name);
        expect(result.model).toBe(model);
        expect(productCopy.schema.safeParse(result.output).success).toBe(true);
        expect(productCopy.check?.(result.output, input, { language })).toEqual([]);
        expect(result.usage.latencyMs).toBeGreaterThanOrEqual(0);
      }
    });

    it("reports token usage and cost for remote providers, zero for offline", async () => {
      const result = await ai.run(productCopy, product(7), { language: "en", cache: "bypass" });
      if (name === "offline") {
        expect(result.usage).toMatchObject({ inputTokens: 0, outputTokens: 0, costUsd: 0 });
      } else {
        expect(result.usage.inputTokens).toBeGreaterThan(10);
        expect(result.usage.outputTokens).toBeGreaterThan(5);
        expect(result.usage.costUsd).toBeGreaterThan(0);
      }
    });

    it("maps a batch in order with progress", async () => {
      const items = Array.from({ length: 12 }, (_, i) => product(i));
      const progress: number[] = [];
      const results = await ai.map(items, productCopy, {
        language: "fr",
        concurrency: 4,
        cache: "bypass",
        onProgress: (p) => progress.push(p.done),
      });
      expect(results).toHaveLength(12);
      expect(progress).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      results.forEach((r, i) => {
        expect(r.ok).toBe(true);
        if (r.ok)
          expect(`${r.result.output.title} ${r.result.output.description}`).toMatch(
            new RegExp(`\\bv${i}\\b`),
          );
      });
    });

    it("stores a generated image once, under its content hash", async () => {
      const request = {
        prompt: "A linen shirt on a wooden hanger",
        offlineSvg: () => createOfflineAvatarSvg("shirt", "Linen Shirt"),
      };
      const first = await ai.image({ ...request, cache: "bypass" });
      const second = await ai.image({ ...request, cache: "bypass" });
      expect(first.provider).toBe(name);
      expect(first.key).toMatch(/^[0-9a-f]{64}\.(png|svg)$/);
      expect(second.key).toBe(first.key);
      const stored = await ai.images.get(first.key);
      expect(stored?.contentType).toBe(first.contentType);
      expect(stored?.bytes.length).toBeGreaterThan(50);
      if (name !== "offline") expect(Array.from(stored?.bytes.slice(1, 4) ?? [])).toEqual([0x50, 0x4e, 0x47]); // "PNG"
    });

    it("records every call's usage per shop and hands it to onUsage", async () => {
      const records: UsageRecord[] = [];
      const metered = make({ onUsage: (r) => records.push(r) });
      const result = await metered.run(productCopy, product(3), { language: "nl", shopId: "shop-usage" });
      expect(records).toEqual([
        expect.objectContaining({
          shopId: "shop-usage",
          kind: "text",
          task: productCopy.name,
          provider: name,
          model,
          inputTokens: result.usage.inputTokens,
          outputTokens: result.usage.outputTokens,
          costUsd: result.usage.costUsd,
          cached: false,
        }),
      ]);
      expect(await metered.usage("shop-usage")).toMatchObject({
        calls: 1,
        inputTokens: result.usage.inputTokens,
        outputTokens: result.usage.outputTokens,
        images: 0,
      });
      await metered.image({
        prompt: "Tulip field at dawn",
        shopId: "shop-usage",
        offlineSvg: () => "<svg/>",
      });
      expect((await metered.usage("shop-usage")).images).toBe(name === "offline" ? 0 : 1);
      expect(records.at(-1)).toMatchObject({ kind: "image", provider: name });
    });

    it("rejects bad run options with a typed error naming the field", async () => {
      await expect(ai.run(productCopy, product(1), { language: "xx" as "en" })).rejects.toMatchObject({
        code: "bad_request",
        issues: [expect.objectContaining({ path: "language" })],
      });
    });
  });
}

let servers: Servers;
beforeAll(async () => {
  servers = await startServers();
});
afterAll(async () => servers.close());

contractSuite("openai", "gpt-4.1-mini", (extra = {}) =>
  engineFor({ openai: servers.openai }, { offline: false, ...extra }),
);
contractSuite("xai", "grok-3-mini", (extra = {}) =>
  engineFor({ xai: servers.xai }, { offline: false, ...extra }),
);
contractSuite("offline", "offline-template", (extra = {}) => createAI(extra));

describe("provider requests", () => {
  it("send the task's zod schema as a strict json_schema response format", async () => {
    const ai = engineFor({ openai: servers.openai }, { offline: false });
    servers.openai.resetStats();
    await ai.run(productCopy, product(2), { language: "en" });
    expect(chatRequests(servers.openai)).toBe(1);
    const body = servers.openai.log()[0]?.body as {
      response_format: { type: string; json_schema: { strict: boolean; schema: { required: string[] } } };
    };
    expect(body.response_format.type).toBe("json_schema");
    expect(body.response_format.json_schema.strict).toBe(true);
    expect(body.response_format.json_schema.schema.required).toEqual(["title", "description", "tags"]);
  });
});
