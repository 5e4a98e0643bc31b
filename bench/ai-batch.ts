/**
 * `npm run bench -- ai-batch`: 1,000 product descriptions through `ai.map` against the local
 * OpenAI-compatible server limited to 600 requests/min and 150,000 tokens/min.
 *
 * Time is scaled down ×10 to keep the run short: the server allows 6,000 RPM / 1,500,000 TPM
 * and answers in 150 ms (≈1.5 s at real scale), so the run lasts ~1/10 of the real one. The
 * figures are ratios, which the scale does not change.
 *
 * `utilization` = achieved throughput (items/min) / the binding limit in items/min (requests, or
 * tokens ÷ average tokens charged per request, whichever is tighter) — goal ≥ 0.9.
 * `utilization_incl_burst` is stricter: items done / items the server would have let through in
 * the elapsed time including its one-second burst allowance.
 * `retry_amplification` = HTTP requests / items (goal ≤ 1.1). Side by side, the same batch with
 * the bare `openai` client (its own retries, same concurrency, no budgets) shows the storm of
 * 429s the engine avoids. Products come from ../shared/corpus when present, else generated.
 */
import { existsSync, readFileSync } from "node:fs";
import OpenAI from "openai";
import { z } from "zod";
import { startOpenAIEmulator, type Emulator } from "../packages/openai-emulator/src/index.js";
import { createAI, defineTask, offlineText } from "../packages/core/src/ai/index.js";
import { normalizeLanguage, type Language } from "../packages/core/src/i18n/index.js";

const ITEMS = 1_000;
const SCALE = 10;
const RPM = 600;
const TPM = 150_000;
const LATENCY_MS = 150;
const CONCURRENCY = 48;
const BURST_MS = 1_000; // the emulator's bucket holds this much of a minute's refill

const log = (message: string): void => {
  process.stderr.write(`[ai-batch] ${message}\n`);
};

interface Product {
  title: string;
  text: string;
  language: Language;
}

function loadProducts(): { products: Product[]; source: string } {
  const dir = new URL("../../shared/corpus/", import.meta.url);
  const products: Product[] = [];
  for (const lang of ["en", "de", "fr", "pt", "it", "es", "nl", "ja"]) {
    const file = new URL(`products.${lang}.jsonl`, dir);
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { title?: string; description_html?: string; lang?: string };
      if (!row.title || !row.description_html) continue;
      products.push({
        title: row.title,
        text: offlineText.summarize(row.description_html.replace(/&[a-z]+;/g, " "), 600),
        language: normalizeLanguage(row.lang),
      });
    }
  }
  if (products.length >= ITEMS) {
    // Interleave languages so the batch is a realistic mix.
    const picked = Array.from(
      { length: ITEMS },
      (_, i) => products[(i * 2_477) % products.length] as Product,
    );
    return { products: picked, source: "corpus" };
  }
  const nouns = ["linen shirt", "merino beanie", "ceramic mug", "oak shelf", "leather wallet", "canvas tote"];
  const adjectives = ["breathable", "warm", "hand-glazed", "sturdy", "slim", "roomy"];
  return {
    products: Array.from({ length: ITEMS }, (_, i) => ({
      title: `${adjectives[i % 6] ?? ""} ${nouns[(i * 5) % 6] ?? ""} ${i}`,
      text: `A ${adjectives[i % 6] ?? ""} ${nouns[(i * 5) % 6] ?? ""} made to last. Designed for everyday use, easy to care for, and shipped in recycled packaging.`,
      language: "en",
    })),
    source: "generated",
  };
}

const description = defineTask({
  name: "bench.product-description",
  schema: z.object({ title: z.string().max(80), description: z.string().min(40).max(600) }),
  promptTokenBudget: 400,
  prompt: (p: Product, ctx) => ({
    system: `Rewrite the product description for an online store, in the language "${ctx.language}". Keep the facts. Answer in JSON.`,
    user: `${p.title}\n${p.text}`,
    maxOutputTokens: 200,
  }),
  offline: (p, ctx) => ({
    title: offlineText.truncate(p.title, 80),
    description: offlineText.truncate(
      offlineText.phrase(ctx.language, "intro", { title: p.title, summary: p.text }),
      600,
    ),
  }),
});

function limitsFigures(server: Emulator, items: number, elapsedMs: number) {
  const stats = server.stats();
  const ok = stats.byStatus[200] ?? 0;
  const avgCharge = ok > 0 ? stats.chargedTokens / ok : 1;
  const rpmScaled = RPM * SCALE;
  const tpmScaled = TPM * SCALE;
  // Items per ms each limit allows, and what its bucket lets through at once.
  const byRequests = rpmScaled / 60_000;
  const byTokens = tpmScaled / 60_000 / avgCharge;
  const binding = byTokens < byRequests ? "tokens" : "requests";
  const rate = Math.min(byRequests, byTokens);
  const permitted = rate * BURST_MS + rate * elapsedMs;
  return {
    stats,
    binding,
    avgCharge,
    utilization: items / elapsedMs / rate,
    utilizationInclBurst: items / permitted,
    itemsPerMinuteRealScale: items / (elapsedMs / 60_000) / SCALE,
    bindingPerMinuteRealScale: (rate * 60_000) / SCALE,
  };
}

const { products, source } = loadProducts();
log(`${products.length} products (${source}); limits ${RPM} RPM / ${TPM} TPM, time scaled ×${SCALE}`);

// --- the engine ----------------------------------------------------------------------------
const server = await startOpenAIEmulator({
  rateLimits: { rpm: RPM * SCALE, tpm: TPM * SCALE, burstMs: BURST_MS },
  latencyMs: LATENCY_MS,
});
const ai = createAI({ openai: { apiKey: "bench", baseURL: server.baseURL }, offline: false });
let started = performance.now();
const results = await ai.map(products, description, {
  language: "en",
  concurrency: CONCURRENCY,
  cache: "bypass",
  onProgress: (p) => {
    if (p.done % 100 === 0) log(`engine ${p.done}/${p.total} (${p.failed} failed)`);
  },
});
const engineMs = performance.now() - started;
const failed = results.filter((r) => !r.ok).length;
const engine = limitsFigures(server, ITEMS - failed, engineMs);
await server.close();
log(
  `engine: ${(engineMs / 1_000).toFixed(1)} s, ${engine.stats.requests} requests, ${engine.stats.http429} × 429, ${failed} failed`,
);

// --- baseline: the bare client, no budgets -------------------------------------------------------
const naiveServer = await startOpenAIEmulator({
  rateLimits: { rpm: RPM * SCALE, tpm: TPM * SCALE, burstMs: BURST_MS },
  latencyMs: LATENCY_MS,
});
const client = new OpenAI({ apiKey: "bench", baseURL: naiveServer.baseURL, maxRetries: 2 });
const format = {
  type: "json_schema" as const,
  json_schema: { name: "d", schema: z.toJSONSchema(description.schema), strict: true },
};
let next = 0;
let naiveFailed = 0;
started = performance.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    for (let i = next++; i < products.length; i = next++) {
      const p = description.prompt(products[i] as Product, { language: "en" });
      try {
        await client.chat.completions.create({
          model: "gpt-4.1-mini",
          messages: [
            { role: "system", content: p.system },
            { role: "user", content: p.user },
          ],
          response_format: format,
          max_completion_tokens: p.maxOutputTokens ?? 200,
        });
      } catch {
        naiveFailed += 1;
      }
    }
  }),
);
const naiveMs = performance.now() - started;
const naive = limitsFigures(naiveServer, ITEMS - naiveFailed, naiveMs);
await naiveServer.close();
log(
  `bare client: ${(naiveMs / 1_000).toFixed(1)} s, ${naive.stats.requests} requests, ${naive.stats.http429} × 429, ${naiveFailed} failed`,
);

const round = (n: number, d = 3): number => Math.round(n * 10 ** d) / 10 ** d;
console.log(
  JSON.stringify({
    bench: "ai-batch",
    items: ITEMS,
    source,
    limits: { rpm: RPM, tpm: TPM },
    time_scale: SCALE,
    binding_limit: engine.binding,
    avg_tokens_charged_per_request: round(engine.avgCharge, 1),
    utilization: round(engine.utilization),
    utilization_incl_burst: round(engine.utilizationInclBurst),
    failed_items: failed,
    retry_amplification: round(engine.stats.requests / ITEMS),
    http_429: engine.stats.http429,
    elapsed_s: round(engineMs / 1_000, 2),
    items_per_min_real_scale: round(engine.itemsPerMinuteRealScale, 1),
    binding_items_per_min_real_scale: round(engine.bindingPerMinuteRealScale, 1),
    baseline_bare_client: {
      succeeded_items: ITEMS - naiveFailed,
      failed_items: naiveFailed,
      retry_amplification: round(naive.stats.requests / ITEMS),
      http_429: naive.stats.http429,
      elapsed_s: round(naiveMs / 1_000, 2),
    },
  }),
);
