import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTask, offlineText } from "../../src/ai/index.js";
import {
  chatRequests,
  engineFor,
  product,
  productCopy,
  startServers,
  type Product,
  type Servers,
} from "./fixtures.js";

let servers: Servers;
beforeAll(async () => {
  servers = await startServers();
});
afterAll(async () => servers.close());
afterEach(() => {
  servers.openai.setFault(undefined);
  servers.openai.resetStats();
  servers.xai.resetStats();
});

const lastUserMessage = (body: unknown): string => {
  const messages = (body as { messages: Array<{ role: string; content: string }> }).messages;
  return messages.filter((m) => m.role === "user").at(-1)?.content ?? "";
};

describe("invalid output", () => {
  it("gets one repair attempt carrying the validation errors, then succeeds", async () => {
    const ai = engineFor(servers);
    servers.openai.failNext({ type: "schema_invalid" });
    const result = await ai.run(productCopy, product(1), { language: "en" });
    expect(result.provider).toBe("openai");
    expect(chatRequests(servers.openai)).toBe(2);
    const repair = servers.openai.log()[1]?.body;
    expect(lastUserMessage(repair)).toContain("did not meet the requirements");
    expect(lastUserMessage(repair)).toMatch(/title: .*expected string/i);
    expect((repair as { messages: unknown[] }).messages).toHaveLength(4); // system, user, assistant, repair
    expect(result.usage.inputTokens).toBeGreaterThan(servers.openai.stats().promptTokens / 2); // both calls counted
  });

  it("repairs content that is not JSON at all", async () => {
    const ai = engineFor(servers);
    servers.openai.failNext({ type: "malformed_json" });
    const result = await ai.run(productCopy, product(2), { language: "en" });
    expect(result.provider).toBe("openai");
    expect(lastUserMessage(servers.openai.log()[1]?.body)).toContain("not valid JSON");
  });

  it("throws invalid_output (not retryable, no fallover) when the repair fails too", async () => {
    const ai = engineFor(servers);
    servers.openai.failNext({ type: "schema_invalid" }, { type: "schema_invalid" });
    await expect(ai.run(productCopy, product(3), { language: "en" })).rejects.toMatchObject({
      code: "invalid_output",
      retryable: false,
      provider: "openai",
      details: { problems: expect.arrayContaining([expect.stringMatching(/^title: /)]) as unknown },
    });
    expect(chatRequests(servers.openai)).toBe(2);
    expect(chatRequests(servers.xai)).toBe(0);
  });
});

describe("caller limits", () => {
  // The schema allows 70 characters; the caller wants 12 and a hashtag: checked, never hoped for.
  const shortTitle = defineTask({
    name: "test.short-title",
    schema: z.object({ title: z.string().max(70) }),
    prompt: (p: Product, ctx) => ({ system: `Title in ${ctx.language}, max 12 characters.`, user: p.title }),
    offline: (p) => ({ title: `#${offlineText.truncate(p.keyword, 11)}` }),
    check: (out) => [
      ...(Array.from(out.title).length > 12
        ? [`title is ${Array.from(out.title).length} characters; max 12`]
        : []),
      ...(out.title.startsWith("#") ? [] : ["title must start with #"]),
    ],
  });

  it("are enforced after generation: a model that ignores them yields invalid_output after one repair", async () => {
    const ai = engineFor(servers);
    const error = await ai.run(shortTitle, product(4), { language: "en" }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "invalid_output",
      details: { problems: expect.arrayContaining(["title must start with #"]) as unknown },
    });
    expect(chatRequests(servers.openai)).toBe(2);
  });

  it("hold for the offline generator too", async () => {
    const ai = engineFor({});
    const result = await ai.run(shortTitle, product(5), { language: "ja" });
    expect(result.provider).toBe("offline");
    expect(shortTitle.check?.(result.output, product(5), { language: "ja" })).toEqual([]);
  });

  it("an offline generator that breaks its own contract is reported, not returned", async () => {
    const broken = defineTask({
      ...shortTitle,
      name: "test.broken",
      offline: () => ({ title: "far too long a title" }),
    });
    await expect(engineFor({}).run(broken, product(6), { language: "en" })).rejects.toMatchObject({
      code: "invalid_output",
      provider: "offline",
    });
  });

  it("a prompt over its token budget is refused before any call", async () => {
    const ai = engineFor(servers);
    const huge = { ...product(7), keyword: "linen ".repeat(800) };
    await expect(ai.run(productCopy, huge, { language: "en" })).rejects.toMatchObject({
      code: "bad_request",
      details: { budget: 600 },
    });
    expect(chatRequests(servers.openai)).toBe(0);
  });
});
