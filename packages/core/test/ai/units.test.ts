import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { findCatalogGaps, LANGUAGES } from "../../src/i18n/index.js";
import {
  aiConfigFromEnv,
  AIError,
  codeForStatus,
  countTokens,
  createAI,
  createFileImageStore,
  createOfflineAvatarSvg,
  estimateCost,
  DEFAULT_PRICES,
  imageKey,
  OFFLINE_PHRASES,
  offlineText,
  promptTokens,
} from "../../src/ai/index.js";
import { toAIError } from "../../src/ai/errors.js";
import { retryAfterMs, retryDelay, DEFAULT_RETRY_POLICY } from "../../src/ai/retry.js";
import { product, productCopy } from "./fixtures.js";

describe("retry policy", () => {
  it("reads retry-after-ms, retry-after seconds and HTTP dates", () => {
    expect(retryAfterMs({ "retry-after-ms": "250" })).toBe(250);
    expect(retryAfterMs({ "retry-after": "2" })).toBe(2_000);
    const now = Date.parse("2026-11-25T10:00:00Z");
    expect(retryAfterMs({ "retry-after": "Wed, 25 Nov 2026 10:00:05 GMT" }, now)).toBe(5_000);
    expect(retryAfterMs({ "retry-after": "soon" })).toBeUndefined();
    expect(retryAfterMs({})).toBeUndefined();
  });

  it("backs off exponentially with at most 25% jitter, and stops when out of retries", () => {
    const error = new AIError("provider_unavailable", "down", { retryable: true });
    const policy = { ...DEFAULT_RETRY_POLICY, maxRetries: 3 };
    expect(retryDelay(error, 0, policy, () => 0)).toBe(500);
    expect(retryDelay(error, 1, policy, () => 0)).toBe(1_000);
    expect(retryDelay(error, 2, policy, () => 0.999)).toBeGreaterThan(1_500);
    expect(retryDelay(error, 2, policy, () => 0.999)).toBeLessThanOrEqual(2_000);
    expect(retryDelay(error, 3, policy)).toBeUndefined();
    expect(retryDelay(new AIError("bad_request", "no"), 0, policy)).toBeUndefined();
  });

  it("prefers the server's Retry-After, and gives up on one longer than allowed", () => {
    const asked = (ms: number): AIError =>
      new AIError("rate_limited", "slow down", {
        retryable: true,
        headers: { "retry-after-ms": String(ms) },
      });
    expect(retryDelay(asked(1_234), 0, DEFAULT_RETRY_POLICY)).toBe(1_234);
    expect(retryDelay(asked(120_000), 0, DEFAULT_RETRY_POLICY)).toBeUndefined();
  });
});

describe("error mapping", () => {
  it("maps statuses the way the retry policy needs", () => {
    expect(codeForStatus(400)).toEqual({ code: "bad_request", retryable: false });
    expect(codeForStatus(401)).toEqual({ code: "auth_failed", retryable: false });
    expect(codeForStatus(403)).toEqual({ code: "auth_failed", retryable: false });
    expect(codeForStatus(404)).toEqual({ code: "bad_request", retryable: false });
    expect(codeForStatus(408)).toEqual({ code: "timeout", retryable: true });
    expect(codeForStatus(409)).toEqual({ code: "conflict", retryable: true });
    expect(codeForStatus(422)).toEqual({ code: "bad_request", retryable: false });
    expect(codeForStatus(429)).toEqual({ code: "rate_limited", retryable: true });
    expect(codeForStatus(500)).toEqual({ code: "provider_unavailable", retryable: true });
    expect(codeForStatus(503)).toEqual({ code: "provider_unavailable", retryable: true });
  });

  it("maps the openai client's error classes, keeping status, headers and provider", () => {
    const headers = new Headers({ "Retry-After-Ms": "10" });
    const rate = toAIError(OpenAI.APIError.generate(429, { message: "slow" }, "slow", headers), "xai");
    expect(rate).toMatchObject({ code: "rate_limited", retryable: true, provider: "xai", status: 429 });
    expect(rate.headers["retry-after-ms"]).toBe("10");
    expect(toAIError(new OpenAI.APIConnectionTimeoutError(), "openai")).toMatchObject({
      code: "timeout",
      retryable: true,
    });
    expect(toAIError(new OpenAI.APIConnectionError({ message: "ECONNREFUSED" }), "openai")).toMatchObject({
      code: "provider_unavailable",
      retryable: true,
    });
    expect(toAIError(new OpenAI.APIUserAbortError(), "openai")).toMatchObject({
      code: "aborted",
      retryable: false,
    });
    expect(toAIError(new SyntaxError("Unexpected end of JSON"), "openai")).toMatchObject({
      code: "provider_unavailable",
    });
    const json = toAIError(
      OpenAI.APIError.generate(401, { message: "bad key" }, "bad key", new Headers()),
      "openai",
    ).toJSON();
    expect(json).toEqual({
      name: "AIError",
      code: "auth_failed",
      message: expect.stringContaining("401") as unknown,
      retryable: false,
    });
  });
});

describe("config", () => {
  it("reports every bad field in one invalid_config error", () => {
    let error: unknown;
    try {
      createAI({ openai: { apiKey: "" }, timeoutMs: -1, retry: { maxRetries: 99 } });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: "invalid_config" });
    const paths = (error as { issues: Array<{ path: string }> }).issues.map((i) => i.path).sort();
    expect(paths).toEqual(["openai.apiKey", "retry.maxRetries", "timeoutMs"]);
  });

  it("reads provider keys and models from the environment; no keys means offline only", () => {
    expect(aiConfigFromEnv({})).toEqual({});
    expect(aiConfigFromEnv({ OPENAI_API_KEY: " ", XAI_API_KEY: "" })).toEqual({});
    expect(
      aiConfigFromEnv({
        OPENAI_API_KEY: "sk-1",
        OPENAI_MODEL: "gpt-4o-mini",
        XAI_API_KEY: "xai-1",
        XAI_BASE_URL: "http://127.0.0.1:9/v1",
      }),
    ).toEqual({
      openai: { apiKey: "sk-1", model: "gpt-4o-mini" },
      xai: { apiKey: "xai-1", baseURL: "http://127.0.0.1:9/v1" },
    });
    expect(createAI(aiConfigFromEnv({})).providers()).toEqual([]);
    expect(createAI(aiConfigFromEnv({ XAI_API_KEY: "x" })).providers()[0]).toMatchObject({
      name: "xai",
      model: "grok-3-mini",
      imageModel: "grok-2-image-1212",
    });
  });
});

describe("tokens and prices", () => {
  it("counts o200k_base tokens", () => {
    expect(countTokens("")).toBe(0);
    expect(countTokens("Hello world")).toBe(2);
    expect(countTokens("日本語のテキスト")).toBeGreaterThan(2);
    expect(createAI().countTokens("Hello world")).toBe(2);
  });

  it("holds the test task's prompt to its budget, even for a long description", () => {
    const long = { ...product(1), body: "Washed linen, breathable and soft. ".repeat(200) };
    for (const language of LANGUAGES) {
      expect(promptTokens(productCopy, long, { language })).toBeLessThanOrEqual(
        productCopy.promptTokenBudget ?? 0,
      );
    }
  });

  it("estimates cost from the price table", () => {
    expect(
      estimateCost(DEFAULT_PRICES, "gpt-4o-mini", { inputTokens: 1_000, outputTokens: 500 }),
    ).toBeCloseTo(0.00045, 9);
    expect(estimateCost(DEFAULT_PRICES, "gpt-image-1", { images: 2 })).toBeCloseTo(0.084, 9);
    expect(estimateCost(DEFAULT_PRICES, "unknown-model", { inputTokens: 1_000 })).toBe(0);
  });
});

describe("offline text", () => {
  it("has every phrase in all ten languages", () => {
    expect(findCatalogGaps(OFFLINE_PHRASES)).toEqual([]);
    for (const language of LANGUAGES) {
      expect(offlineText.phrase(language, "price", { price: "9 €" })).toContain("9 €");
    }
  });

  it("joins lists, truncates at words and summarises HTML", () => {
    expect(offlineText.list("en", ["a", "b", "c"])).toBe("a, b and c");
    expect(offlineText.list("de", ["Leinen", "Seide"])).toBe("Leinen und Seide");
    expect(offlineText.list("zh-CN", ["棉", "麻"])).toBe("棉和麻");
    expect(offlineText.truncate("A long sentence about linen", 15)).toBe("A long sentence");
    expect(offlineText.truncate("日本語のテキストです", 4)).toBe("日本語の");
    expect(offlineText.summarize("<p>Soft linen. Cool on hot days.</p>", 100)).toBe("Soft linen");
    expect(offlineText.pick("seed", ["a", "b", "c"])).toBe(offlineText.pick("seed", ["a", "b", "c"]));
  });

  it("draws the same avatar for the same seed, a different one for another", () => {
    const a = createOfflineAvatarSvg("persona-1", "Eco Emma");
    expect(a).toBe(createOfflineAvatarSvg("persona-1", "Eco Emma"));
    expect(a).not.toBe(createOfflineAvatarSvg("persona-2", "Eco Emma"));
    expect(a).toMatch(/^<svg [^>]*>.*>EE<\/text><\/svg>$/);
    expect(createOfflineAvatarSvg("x", `<script>"`)).not.toContain("<script>");
  });
});

describe("filesystem image store", () => {
  it("stores by content hash once, reads back, and refuses keys that could escape its directory", async () => {
    const dir = await mkdtemp(join(tmpdir(), "nl-ai-images-"));
    try {
      const store = createFileImageStore({ dir: join(dir, "images") });
      const image = { bytes: new TextEncoder().encode("<svg/>"), contentType: "image/svg+xml" };
      const key = await imageKey(image);
      expect(await store.put(key, image)).toEqual({ created: true });
      expect(await store.put(key, image)).toEqual({ created: false });
      expect(await store.has(key)).toBe(true);
      expect(await store.get(key)).toEqual(image);
      expect(await readdir(join(dir, "images"))).toEqual([key]);
      await expect(store.get("../../etc/passwd")).rejects.toMatchObject({ code: "bad_request" });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
