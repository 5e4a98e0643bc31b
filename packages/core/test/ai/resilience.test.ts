import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AIError } from "../../src/ai/index.js";
import { chatRequests, engineFor, product, productCopy, startServers, type Servers } from "./fixtures.js";

let servers: Servers;
beforeAll(async () => {
  servers = await startServers();
});
afterAll(async () => servers.close());
afterEach(() => {
  servers.openai.setFault(undefined);
  servers.xai.setFault(undefined);
  servers.openai.resetStats();
  servers.xai.resetStats();
});

/** Resolves once `predicate` holds, checking on every macrotask: readiness, not a fixed sleep. */
async function until(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((r) => setImmediate(r));
}

describe("retries", () => {
  it("retries 500 and 503, then succeeds on the same provider", async () => {
    const ai = engineFor(servers);
    servers.openai.failNext({ type: "status", status: 500 }, { type: "status", status: 503 });
    const result = await ai.run(productCopy, product(1), { language: "en" });
    expect(result.provider).toBe("openai");
    expect(chatRequests(servers.openai)).toBe(3);
    expect(chatRequests(servers.xai)).toBe(0);
  });

  it("retries an unreadable response body", async () => {
    const ai = engineFor(servers);
    servers.openai.failNext({ type: "malformed_body" });
    const result = await ai.run(productCopy, product(2), { language: "en" });
    expect(result.provider).toBe("openai");
    expect(chatRequests(servers.openai)).toBe(2);
  });

  it("honours retry-after-ms on a 429 (the measured wait is within bounds)", async () => {
    const ai = engineFor(servers);
    servers.openai.failNext({ type: "status", status: 429, retryAfterMs: 300 });
    const result = await ai.run(productCopy, product(3), { language: "en" });
    expect(result.provider).toBe("openai");
    const [first, second] = servers.openai.log();
    const waited = (second?.at ?? 0) - (first?.at ?? 0);
    expect(waited).toBeGreaterThanOrEqual(295);
    expect(waited).toBeLessThan(900);
  });

  it("does not retry or fall over on a caller's bad request", async () => {
    const ai = engineFor(servers);
    servers.openai.failNext({ type: "status", status: 400, message: "max_completion_tokens is too large" });
    const error = await ai.run(productCopy, product(4), { language: "en" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AIError);
    expect(error).toMatchObject({ code: "bad_request", retryable: false, provider: "openai", status: 400 });
    expect(chatRequests(servers.openai)).toBe(1);
    expect(chatRequests(servers.xai)).toBe(0);
  });

  it("treats an unknown model (404) as a bad request, not an outage", async () => {
    const ai = engineFor(
      {},
      { openai: { apiKey: "sk-test-openai", baseURL: servers.openai.baseURL, model: "gpt-nope" } },
    );
    await expect(ai.run(productCopy, product(5), { language: "en" })).rejects.toMatchObject({
      code: "bad_request",
      status: 404,
    });
  });
});

describe("fallback", () => {
  it("falls over OpenAI → xAI → offline when retries are exhausted, and labels the result", async () => {
    const ai = engineFor(servers);
    servers.openai.setFault({ type: "status", status: 503 });
    const viaXai = await ai.run(productCopy, product(6), { language: "de" });
    expect(viaXai).toMatchObject({ provider: "xai", model: "grok-3-mini" });
    expect(chatRequests(servers.openai)).toBe(3); // first try + 2 retries

    servers.xai.setFault({ type: "status", status: 500 });
    const offline = await ai.run(productCopy, product(7), { language: "de" });
    expect(offline).toMatchObject({ provider: "offline", model: "offline-template", cached: false });
    expect(offline.output).toEqual(productCopy.offline(product(7), { language: "de" }));
  });

  it("throws the last provider's error when offline fallback is disabled", async () => {
    const ai = engineFor(servers, { offline: false });
    servers.openai.setFault({ type: "status", status: 503 });
    servers.xai.setFault({ type: "status", status: 502 });
    await expect(ai.run(productCopy, product(8), { language: "en" })).rejects.toMatchObject({
      code: "provider_unavailable",
      provider: "xai",
      retryable: true,
    });
  });

  it("falls over immediately on an auth failure (no retries)", async () => {
    const ai = engineFor(
      { xai: servers.xai },
      { openai: { apiKey: "sk-wrong", baseURL: servers.openai.baseURL } },
    );
    const result = await ai.run(productCopy, product(9), { language: "en" });
    expect(result.provider).toBe("xai");
    expect(servers.openai.stats().byStatus[401]).toBe(1);
  });

  it("times out a hanging provider per attempt, then falls over", async () => {
    const ai = engineFor(servers, { timeoutMs: 150, retry: { maxRetries: 1 } });
    servers.openai.setFault({ type: "hang" });
    const started = Date.now();
    const result = await ai.run(productCopy, product(10), { language: "en" });
    expect(result.provider).toBe("xai");
    expect(chatRequests(servers.openai)).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("holds a call to its deadline across retries and providers, then answers offline", async () => {
    const ai = engineFor(servers);
    servers.openai.setFault({ type: "hang" });
    servers.xai.setFault({ type: "hang" });
    const started = Date.now();
    const result = await ai.run(productCopy, product(12), { language: "fr", timeoutMs: 250 });
    const elapsed = Date.now() - started;
    expect(result.provider).toBe("offline");
    expect(elapsed).toBeGreaterThanOrEqual(240);
    expect(elapsed).toBeLessThan(1_500);
    expect(chatRequests(servers.openai)).toBe(1);
    expect(chatRequests(servers.xai)).toBe(0); // nothing left of the budget for Grok

    const strict = engineFor(servers, { offline: false });
    await expect(
      strict.run(productCopy, product(13), { language: "fr", timeoutMs: 150 }),
    ).rejects.toMatchObject({
      code: "timeout",
      retryable: true,
    });
  });

  it("stops at once on the caller's AbortSignal, without falling over", async () => {
    const ai = engineFor(servers);
    servers.openai.setFault({ type: "hang" });
    const controller = new AbortController();
    const pending = ai.run(productCopy, product(11), { language: "en", signal: controller.signal });
    await until(() => servers.openai.stats().requests === 1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: "aborted", retryable: false });
    expect(chatRequests(servers.xai)).toBe(0);
  });
});

describe("batches", () => {
  it("an aborted batch settles every item as aborted, never hangs", async () => {
    const ai = engineFor(servers);
    servers.openai.setFault({ type: "hang" });
    const controller = new AbortController();
    const progress: Array<{ done: number; failed: number }> = [];
    const pending = ai.map(
      Array.from({ length: 5 }, (_, i) => product(200 + i)),
      productCopy,
      { language: "es", concurrency: 2, signal: controller.signal, onProgress: (p) => progress.push(p) },
    );
    // One probe is out (the limits are not known yet), the other items queue behind it.
    await until(() => servers.openai.stats().requests === 1);
    controller.abort();
    const results = await pending;
    expect(results.map((r) => (r.ok ? "ok" : r.error.code))).toEqual(Array(5).fill("aborted"));
    expect(progress.at(-1)).toEqual({ done: 5, total: 5, failed: 5 });
    expect(chatRequests(servers.xai)).toBe(0);
  });

  it("rejects bad batch options before starting", async () => {
    const ai = engineFor(servers);
    await expect(ai.map([product(1)], productCopy, { language: "en", concurrency: 0 })).rejects.toMatchObject(
      {
        code: "bad_request",
        issues: [expect.objectContaining({ path: "concurrency" })],
      },
    );
    expect(servers.openai.stats().requests).toBe(0);
  });
});

describe("circuit breaker", () => {
  it("opens after consecutive failures, skips the provider, half-opens after the cooldown", async () => {
    let clock = 1_000_000;
    const ai = engineFor(servers, {
      now: () => clock,
      retry: { maxRetries: 0 },
      breaker: { failureThreshold: 3, cooldownMs: 10_000 },
    });
    servers.openai.setFault({ type: "status", status: 500 });
    for (let i = 0; i < 3; i++)
      expect((await ai.run(productCopy, product(i), { language: "en" })).provider).toBe("xai");
    expect(chatRequests(servers.openai)).toBe(3);
    expect(ai.providers()[0]?.breaker).toBe("open");

    await ai.run(productCopy, product(3), { language: "en" });
    expect(chatRequests(servers.openai)).toBe(3); // skipped while open

    clock += 10_000;
    expect(ai.providers()[0]?.breaker).toBe("half-open");
    await ai.run(productCopy, product(4), { language: "en" }); // the probe fails → open again
    expect(chatRequests(servers.openai)).toBe(4);
    expect(ai.providers()[0]?.breaker).toBe("open");

    clock += 10_000;
    servers.openai.setFault(undefined);
    const healed = await ai.run(productCopy, product(5), { language: "en" });
    expect(healed.provider).toBe("openai");
    expect(ai.providers()[0]?.breaker).toBe("closed");
  });

  it("does not count a caller's bad requests as provider failures", async () => {
    const ai = engineFor(servers, {
      retry: { maxRetries: 0 },
      breaker: { failureThreshold: 2, cooldownMs: 60_000 },
    });
    servers.openai.failNext(
      { type: "status", status: 400 },
      { type: "status", status: 400 },
      { type: "status", status: 400 },
    );
    for (let i = 0; i < 3; i++)
      await expect(ai.run(productCopy, product(i), { language: "en" })).rejects.toMatchObject({
        code: "bad_request",
      });
    expect(ai.providers()[0]?.breaker).toBe("closed");
  });
});
