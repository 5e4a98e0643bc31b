import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createMemoryCache } from "../../src/cache/index.js";
import { createOfflineAvatarSvg, defineTask } from "../../src/ai/index.js";
import { chatRequests, engineFor, product, productCopy, startServers, type Servers } from "./fixtures.js";

let servers: Servers;
beforeAll(async () => {
  servers = await startServers();
});
afterAll(async () => servers.close());
afterEach(() => servers.openai.resetStats());

describe("response cache", () => {
  it("serves a repeat without a second HTTP call; bypass goes to the provider", async () => {
    const ai = engineFor(servers);
    const first = await ai.run(productCopy, product(1), { language: "en" });
    const repeat = await ai.run(productCopy, product(1), { language: "en" });
    expect(chatRequests(servers.openai)).toBe(1);
    expect(repeat).toMatchObject({
      cached: true,
      provider: "openai",
      model: "gpt-4.1-mini",
      output: first.output,
    });
    expect(repeat.usage.costUsd).toBe(0);

    const fresh = await ai.run(productCopy, product(1), { language: "en", cache: "bypass" });
    expect(fresh.cached).toBe(false);
    expect(chatRequests(servers.openai)).toBe(2);
  });

  it("keys on everything that changes the answer: prompt, language, schema", async () => {
    const ai = engineFor(servers);
    await ai.run(productCopy, product(2), { language: "en" });
    await ai.run(productCopy, product(2), { language: "it" });
    await ai.run(productCopy, product(3), { language: "en" });
    const narrower = defineTask({
      ...productCopy,
      schema: z.object({
        title: z.string().min(3).max(70),
        description: z.string().min(20).max(400),
        tags: z.array(z.string().min(1).max(30)).min(1).max(2),
      }),
    });
    await ai.run(narrower, product(2), { language: "en" });
    expect(chatRequests(servers.openai)).toBe(4);
  });

  it("expires entries after the TTL", async () => {
    let clock = 0;
    const ai = engineFor(servers, { cache: createMemoryCache({ now: () => clock }), cacheTtlMs: 60_000 });
    await ai.run(productCopy, product(4), { language: "en" });
    clock += 59_000;
    expect((await ai.run(productCopy, product(4), { language: "en" })).cached).toBe(true);
    clock += 2_000;
    expect((await ai.run(productCopy, product(4), { language: "en" })).cached).toBe(false);
    expect(chatRequests(servers.openai)).toBe(2);
  });

  it("serves a repeated image from the cache and the store", async () => {
    const ai = engineFor(servers);
    const request = {
      prompt: "Portrait of a cheerful hiker",
      offlineSvg: () => createOfflineAvatarSvg("h", "Hiker"),
    };
    const first = await ai.image(request);
    const second = await ai.image(request);
    expect(servers.openai.stats().byPath["POST /v1/images/generations"]).toBe(1);
    expect(second).toEqual({ ...first, cached: true });
  });
});
