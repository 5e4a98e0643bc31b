import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseResetDuration, RateLimiter } from "../../src/ai/rate-limiter.js";
import { engineFor, product, productCopy, startServers, type Servers } from "./fixtures.js";

let servers: Servers;
beforeAll(async () => {
  servers = await startServers({ openai: { rateLimits: { rpm: 3_000, tpm: 1_000_000 } } });
});
afterAll(async () => servers.close());

describe("rate-limit-aware map", () => {
  it("learns the limits from x-ratelimit-* headers and runs a batch without a single 429", async () => {
    const ai = engineFor({ openai: servers.openai }, { offline: false });
    servers.openai.resetStats();
    const items = Array.from({ length: 100 }, (_, i) => product(i));
    const started = performance.now();
    const results = await ai.map(items, productCopy, { language: "en", concurrency: 32, cache: "bypass" });
    const seconds = (performance.now() - started) / 1_000;
    expect(results.every((r) => r.ok)).toBe(true);
    expect(servers.openai.stats().http429).toBe(0);
    expect(servers.openai.stats().requests).toBe(100);
    expect(ai.providers()[0]?.limits).toEqual({ rpm: 3_000, tpm: 1_000_000 });
    // 3,000 rpm at 98% = 49/s after a burst of ~12: 100 items take about 1.8 s.
    expect(seconds).toBeGreaterThan(1.5);
  });

  it("holds every caller after a 429 until the announced retry time (no storm)", async () => {
    const ai = engineFor({ openai: servers.openai }, { offline: false });
    servers.openai.resetStats();
    servers.openai.failNext({ type: "status", status: 429, retryAfterMs: 250 });
    const results = await ai.map(
      Array.from({ length: 12 }, (_, i) => product(100 + i)),
      productCopy,
      { language: "en", concurrency: 1, cache: "bypass" },
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const log = servers.openai.log();
    expect(log.filter((l) => l.status === 429)).toHaveLength(1);
    expect((log[1]?.at ?? 0) - (log[0]?.at ?? 0)).toBeGreaterThanOrEqual(245);
  });

  it("parallel callers all wait out a 429's pause", async () => {
    const limiter = new RateLimiter({}, { learn: false });
    limiter.pause(120);
    const started = performance.now();
    await Promise.all(Array.from({ length: 5 }, () => limiter.acquire(10)));
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
  });
});

describe("RateLimiter", () => {
  it("paces requests at the configured rate after the burst", async () => {
    const limiter = new RateLimiter({ rpm: 6_000 }, { burstMs: 100, safety: 1 }); // 100/s, burst 10
    const started = performance.now();
    for (let i = 0; i < 30; i++) await limiter.acquire(0);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(180); // 20 beyond the burst at 10 ms each
    expect(elapsed).toBeLessThan(600);
  });

  it("budgets tokens too: a request waits for the tokens it will use", async () => {
    const limiter = new RateLimiter({ tpm: 60_000 }, { burstMs: 100, safety: 1 }); // 1,000 tok/s, burst 100
    const started = performance.now();
    await limiter.acquire(100);
    await limiter.acquire(100);
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
  });

  it("lets one probe through until a response tells the limits", async () => {
    const limiter = new RateLimiter();
    await limiter.acquire(10); // the probe
    let second = false;
    const waiting = limiter.acquire(10).then(() => (second = true));
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    expect(second).toBe(false);
    limiter.observe({ "x-ratelimit-limit-requests": "6000", "x-ratelimit-remaining-requests": "5999" });
    await waiting;
    expect(second).toBe(true);
  });

  it("learns limits from headers", () => {
    const limiter = new RateLimiter();
    limiter.observe({ "x-ratelimit-limit-requests": "600", "x-ratelimit-limit-tokens": "150000" });
    expect(limiter.limits()).toEqual({ rpm: 600, tpm: 150_000 });
  });

  it("rejects a waiting caller when its signal aborts", async () => {
    const limiter = new RateLimiter({ rpm: 60 }, { burstMs: 1, safety: 1 });
    await limiter.acquire(0);
    const controller = new AbortController();
    const waiting = limiter.acquire(0, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeDefined();
  });

  it("parses OpenAI reset durations", () => {
    expect(parseResetDuration("1s")).toBe(1_000);
    expect(parseResetDuration("6m0s")).toBe(360_000);
    expect(parseResetDuration("20ms")).toBe(20);
    expect(parseResetDuration("1h2m3.5s")).toBe(3_723_500);
    expect(parseResetDuration("2")).toBe(2_000);
    expect(parseResetDuration(undefined)).toBeUndefined();
  });
});
