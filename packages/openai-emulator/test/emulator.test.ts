import { inflateSync } from "node:zlib";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { fillSchema, promptWords, startOpenAIEmulator, type Emulator } from "../src/index.js";

const schemas = {
  flat: z.object({
    title: z.string().min(10).max(40),
    count: z.number().int().min(3).max(9),
    ok: z.boolean(),
  }),
  nested: z.object({
    persona: z.object({ name: z.string().max(30), traits: z.array(z.string().max(12)).min(2).max(4) }),
    tone: z.enum(["warm", "bold"]),
    note: z.string().nullable(),
  }),
  list: z.object({
    fixes: z.array(z.object({ field: z.enum(["title", "meta"]), value: z.string().min(5).max(160) })).min(1),
  }),
};

describe("fillSchema", () => {
  it.each(Object.entries(schemas))(
    "fills the %s schema with a valid value drawn from the prompt",
    (_name, schema) => {
      const words = promptWords("Organic cotton tote bag, hand printed in Lisbon");
      const value = fillSchema(z.toJSONSchema(schema), words);
      expect(schema.safeParse(value).success).toBe(true);
      expect(JSON.stringify(value)).toMatch(/cotton|tote|Organic|Lisbon/);
    },
  );

  it("splits CJK text per character so short fields stay within limits", () => {
    const value = fillSchema(
      z.toJSONSchema(z.object({ t: z.string().max(5) })),
      promptWords("有機コットンのトートバッグ"),
    );
    expect(Array.from((value as { t: string }).t).length).toBeLessThanOrEqual(5);
  });
});

describe("OpenAI-compatible server", () => {
  let openai: Emulator;
  let xai: Emulator;
  beforeAll(async () => {
    openai = await startOpenAIEmulator({ apiKey: "sk-test" });
    xai = await startOpenAIEmulator({ flavor: "xai" });
  });
  afterAll(async () => {
    await openai.close();
    await xai.close();
  });
  const client = (server: Emulator, apiKey = "sk-test"): OpenAI =>
    new OpenAI({ apiKey, baseURL: server.baseURL, maxRetries: 0 });

  it("answers chat completions with strict json_schema output through the official client", async () => {
    const completion = await client(openai).chat.completions.create({
      model: "gpt-4.1-mini",
      messages: [
        { role: "system", content: "Write a persona." },
        { role: "user", content: "Urban cyclist who buys merino jerseys" },
      ],
      response_format: {
        type: "json_schema",
        json_schema: { name: "p", schema: z.toJSONSchema(schemas.nested), strict: true },
      },
    });
    const parsed = schemas.nested.parse(JSON.parse(completion.choices[0]?.message.content ?? ""));
    expect(parsed.tone).toBe("warm");
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(5);
    expect(completion.usage?.completion_tokens).toBeGreaterThan(5);
  });

  it("lists the flavor's models, and serves Grok models under the same paths for xAI", async () => {
    const ids = (await client(xai).models.list()).data.map((m) => m.id);
    expect(ids).toContain("grok-3-mini");
    expect(ids).not.toContain("gpt-4.1-mini");
    const reply = await client(xai).chat.completions.create({
      model: "grok-3-mini",
      messages: [{ role: "user", content: "hello grok" }],
    });
    expect(reply.model).toBe("grok-3-mini");
    await expect(
      client(xai).chat.completions.create({
        model: "gpt-4.1-mini",
        messages: [{ role: "user", content: "x" }],
      }),
    ).rejects.toMatchObject({
      status: 404,
    });
  });

  it("rejects a wrong API key with 401", async () => {
    await expect(client(openai, "wrong").models.list()).rejects.toMatchObject({ status: 401 });
  });

  it("generates real PNG bytes, the same for the same prompt", async () => {
    const a = await client(openai).images.generate({ model: "gpt-image-1", prompt: "a red bicycle" });
    const b = await client(openai).images.generate({ model: "gpt-image-1", prompt: "a red bicycle" });
    const bytes = Buffer.from(a.data?.[0]?.b64_json ?? "", "base64");
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const idat = bytes.indexOf("IDAT");
    const length = bytes.readUInt32BE(idat - 4);
    expect(inflateSync(bytes.subarray(idat + 4, idat + 4 + length)).length).toBe((64 * 3 + 1) * 64);
    expect(b.data?.[0]?.b64_json).toBe(a.data?.[0]?.b64_json);
  });

  it("plays faults for the next N requests in order, then heals", async () => {
    openai.failNext(
      { type: "status", status: 429, retryAfterMs: 40 },
      { type: "status", status: 503 },
      { type: "malformed_json" },
      { type: "schema_invalid" },
    );
    const c = client(openai);
    const ask = () =>
      c.chat.completions.create({
        model: "gpt-4.1-mini",
        messages: [{ role: "user", content: "Linen shirt" }],
        response_format: {
          type: "json_schema",
          json_schema: { name: "f", schema: z.toJSONSchema(schemas.flat), strict: true },
        },
      });
    const limited = await ask().catch((e: unknown) => e);
    expect(limited).toMatchObject({ status: 429 });
    expect((limited as { headers: Headers }).headers.get("retry-after-ms")).toBe("40");
    await expect(ask()).rejects.toMatchObject({ status: 503 });
    const broken = await ask();
    expect(() => JSON.parse(broken.choices[0]?.message.content ?? "") as unknown).toThrow();
    const invalid = await ask();
    expect(schemas.flat.safeParse(JSON.parse(invalid.choices[0]?.message.content ?? "")).success).toBe(false);
    const healed = await ask();
    expect(schemas.flat.safeParse(JSON.parse(healed.choices[0]?.message.content ?? "")).success).toBe(true);
  });

  it("hangs on request until the client times out", async () => {
    openai.failNext({ type: "hang" });
    await expect(
      client(openai).chat.completions.create(
        { model: "gpt-4.1-mini", messages: [{ role: "user", content: "x" }] },
        { timeout: 100 },
      ),
    ).rejects.toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
  });

  it("enforces RPM/TPM with x-ratelimit-* headers and 429 + retry-after when exceeded", async () => {
    const limited = await startOpenAIEmulator({ rateLimits: { rpm: 120, tpm: 100_000 } }); // burst of 2 requests
    try {
      const c = client(limited);
      const call = () =>
        c.chat.completions
          .create({ model: "gpt-4.1-mini", messages: [{ role: "user", content: "hi" }] })
          .withResponse();
      const first = await call();
      expect(first.response.headers.get("x-ratelimit-limit-requests")).toBe("120");
      expect(first.response.headers.get("x-ratelimit-remaining-requests")).toBe("1");
      expect(first.response.headers.get("x-ratelimit-limit-tokens")).toBe("100000");
      expect(first.response.headers.get("x-ratelimit-reset-requests")).toMatch(/^\d+(ms|\.\d+s)$/);
      await call();
      const refused = await call().catch((e: unknown) => e);
      expect(refused).toMatchObject({ status: 429 });
      expect(Number((refused as { headers: Headers }).headers.get("retry-after-ms"))).toBeGreaterThan(0);
      expect(limited.stats()).toMatchObject({ requests: 3, http429: 1 });
    } finally {
      await limited.close();
    }
  });
});
