import { z } from "zod";
import { createMemoryCache } from "../cache/memory.js";
import type { Cache } from "../cache/types.js";
import { isNinjaLeadError, NinjaLeadError } from "../errors/index.js";
import { LANGUAGES } from "../i18n/index.js";
import { parseOrThrow } from "../internal/zod.js";
import { silentLogger } from "../logger.js";
import { CircuitBreaker, type BreakerState } from "./breaker.js";
import { resolveAIConfig, type AIConfig, type ResolvedAIConfig } from "./config.js";
import { abortedError, AIError, toAIError } from "./errors.js";
import { sha256Hex, stableStringify } from "./hash.js";
import { createMemoryImageStore, imageKey, type ImageStore } from "./images.js";
import { QuotaLedger, type QuotaBalance, type Reservation, type UsageTotals } from "./ledger.js";
import { DEFAULT_PRICES, estimateCost, type PriceTable } from "./prices.js";
import { createRemoteProvider, type ChatMessage, type RemoteProvider } from "./provider.js";
import { RateLimiter, type RateLimits } from "./rate-limiter.js";
import { retryAfterMs, retryDelay, sleep } from "./retry.js";
import { repairMessage, responseFormatFor, validateOutput } from "./structured.js";
import { countChatTokens, countTokens } from "./tokens.js";
import type {
  AIResult,
  AITask,
  ImageRequest,
  ImageResult,
  MapItemResult,
  MapOptions,
  ProviderName,
  RunOptions,
  TaskContext,
  UsageRecord,
} from "./types.js";

export const OFFLINE_TEXT_MODEL = "offline-template";
export const OFFLINE_IMAGE_MODEL = "offline-svg";

export interface ProviderStatus {
  name: "openai" | "xai";
  model: string;
  imageModel: string;
  breaker: BreakerState;
  limits: RateLimits;
}

export interface AIEngine {
  run<I, O>(task: AITask<I, O>, input: I, options: RunOptions): Promise<AIResult<O>>;
  map<I, O>(items: readonly I[], task: AITask<I, O>, options: MapOptions): Promise<Array<MapItemResult<O>>>;
  image(request: ImageRequest): Promise<ImageResult>;
  countTokens(text: string): number;
  /** Credits of a shop in the current window (limit Infinity when quotas are off). */
  balance(shopId: string): Promise<QuotaBalance>;
  /** Running usage totals of a shop (calls, tokens, images, cost). */
  usage(shopId?: string): Promise<UsageTotals>;
  /** Configured remote providers in fallback order, with breaker state and rate limits in force. */
  providers(): ProviderStatus[];
  /** The image store generated images were written to. */
  readonly images: ImageStore;
}

const runOptionsSchema = z.object({
  language: z.enum(LANGUAGES),
  shopId: z.string().min(1).optional(),
  signal: z.custom<AbortSignal>((v) => v instanceof AbortSignal, "must be an AbortSignal").optional(),
  timeoutMs: z.number().int().positive().optional(),
  cache: z.enum(["use", "bypass"]).optional(),
});

const mapOptionsSchema = runOptionsSchema.extend({
  concurrency: z.number().int().min(1).max(256).optional(),
  onProgress: z.custom<() => void>((v) => typeof v === "function", "must be a function").optional(),
});

const imageRequestSchema = z.object({
  prompt: z.string().trim().min(1).max(4_000),
  size: z.enum(["1024x1024", "512x512"]).optional(),
  shopId: z.string().min(1).optional(),
  offlineSvg: z.custom<() => string>((v) => typeof v === "function", "must be a function"),
  signal: z.custom<AbortSignal>((v) => v instanceof AbortSignal, "must be an AbortSignal").optional(),
  cache: z.enum(["use", "bypass"]).optional(),
});

interface Slot {
  provider: RemoteProvider;
  breaker: CircuitBreaker;
  limiter: RateLimiter;
}

interface CachedText {
  output: unknown;
  inputTokens: number;
  outputTokens: number;
}

/** Tokens of a task's prompt (system + user) with the o200k tokenizer: what `promptTokenBudget` limits. */
export function promptTokens<I, O>(task: AITask<I, O>, input: I, ctx: TaskContext): number {
  const p = task.prompt(input, ctx);
  return countTokens(p.system) + countTokens(p.user);
}

/**
 * Creates the AI engine. Providers are tried in order OpenAI → xAI → offline; with no keys it
 * answers offline only (the demo default). Config is validated once: every bad field is
 * reported in one `invalid_config` error.
 *
 * @example
 * const ai = createAI({ openai: { apiKey: process.env.OPENAI_API_KEY ?? "" }, cache });
 * const { output, provider } = await ai.run(productCopyTask, product, { language: "fr", shopId });
 */
export function createAI(config: AIConfig = {}): AIEngine {
  const cfg: ResolvedAIConfig = resolveAIConfig(config);
  const now = cfg.now ?? Date.now;
  const random = cfg.random ?? Math.random;
  const logger = cfg.logger ?? silentLogger;
  const cache: Cache = cfg.cache ?? createMemoryCache();
  const store: ImageStore = cfg.imageStore ?? createMemoryImageStore();
  const prices: PriceTable = { ...DEFAULT_PRICES, ...cfg.prices };
  const ledger = new QuotaLedger(cache, cfg.quota, now);

  const slots: Slot[] = [];
  for (const name of ["openai", "xai"] as const) {
    const p = cfg[name];
    if (!p) continue;
    slots.push({
      provider: createRemoteProvider({ name, ...p }),
      breaker: new CircuitBreaker(cfg.breaker, now),
      limiter: new RateLimiter(p.rateLimits ?? {}),
    });
  }
  const offlineAllowed = cfg.offline || slots.length === 0;

  const record = async (r: UsageRecord): Promise<void> => {
    try {
      await ledger.record(r);
    } catch (error) {
      // Usage totals are bookkeeping: a cache outage must not fail a generation that succeeded.
      logger.warn("ai usage not recorded", { code: isNinjaLeadError(error) ? error.code : "internal" });
    }
    cfg.onUsage?.(r);
  };

  /** One provider call with retries, breaker and rate limiter; throws the last AIError when exhausted. */
  async function attempt<T extends { headers: Record<string, string> }>(
    slot: Slot,
    tokens: number,
    signal: AbortSignal | undefined,
    call: () => Promise<T>,
  ): Promise<T> {
    const name = slot.provider.name;
    for (let retry = 0; ; retry++) {
      if (signal?.aborted) throw abortedError(signal, name);
      if (!slot.breaker.tryAcquire()) {
        throw new AIError("provider_unavailable", `${name} is failing; its circuit is open`, {
          provider: name,
          retryable: true,
          details: { breaker: "open" },
        });
      }
      try {
        await slot.limiter.acquire(tokens, signal);
      } catch {
        slot.breaker.onNeutral();
        throw abortedError(signal, name);
      }
      let error: AIError;
      try {
        const reply = await call();
        slot.breaker.onSuccess();
        slot.limiter.observe(reply.headers);
        return reply;
      } catch (caught) {
        error = toAIError(caught, name);
      }
      if (error.status === undefined) slot.limiter.settle();
      else slot.limiter.observe(error.headers);
      if (error.code === "aborted" || signal?.aborted) {
        slot.breaker.onNeutral();
        throw abortedError(signal, name);
      }
      // Neither a caller's bad request nor being throttled says anything about the provider's health.
      if (error.code === "bad_request" || error.code === "invalid_output" || error.code === "rate_limited") {
        slot.breaker.onNeutral();
      } else slot.breaker.onFailure();
      if (error.status === 429) {
        const wait = retryAfterMs(error.headers);
        if (wait !== undefined) slot.limiter.pause(wait);
      }
      const delay = retryDelay(error, retry, cfg.retry, random);
      if (delay === undefined) throw error;
      logger.debug("ai retry", {
        provider: name,
        code: error.code,
        retry: retry + 1,
        delayMs: Math.round(delay),
      });
      await sleep(delay, signal);
    }
  }

  // Fall over only when a provider is exhausted on a retryable error, or rejects our credentials.
  const fallsOver = (error: AIError): boolean => error.retryable || error.code === "auth_failed";

  async function run<I, O>(task: AITask<I, O>, input: I, options: RunOptions): Promise<AIResult<O>> {
    const opts = parseOrThrow(runOptionsSchema, options, "AI run options", "bad_request");
    const signal = opts.signal;
    const started = now();
    const ctx: TaskContext = { language: opts.language };
    const prompt = task.prompt(input, ctx);
    const used = countTokens(prompt.system) + countTokens(prompt.user);
    if (task.promptTokenBudget !== undefined && used > task.promptTokenBudget) {
      throw new AIError(
        "bad_request",
        `Prompt of ${task.name} is ${used} tokens, over its budget of ${task.promptTokenBudget}`,
        {
          retryable: false,
          details: { task: task.name, tokens: used, budget: task.promptTokenBudget },
        },
      );
    }
    if (signal?.aborted) throw abortedError(signal);

    const messages: ChatMessage[] = [
      { role: "system", content: prompt.system },
      { role: "user", content: prompt.user },
    ];
    const responseFormat = responseFormatFor(task);
    const maxOutputTokens = prompt.maxOutputTokens ?? cfg.defaultMaxOutputTokens;
    const timeoutMs = opts.timeoutMs ?? cfg.timeoutMs;
    let reservation: Reservation | undefined;
    let lastError: AIError | undefined;

    try {
      for (const slot of slots) {
        const { provider } = slot;
        const cacheKey = `ai:text:${await sha256Hex(
          stableStringify({
            provider: provider.name,
            model: provider.model,
            task: task.name,
            language: opts.language,
            messages,
            schema: responseFormat,
            maxOutputTokens,
          }),
        )}`;
        if (opts.cache !== "bypass") {
          const hit = await readCache<O>(task, cacheKey);
          if (hit) {
            const result: AIResult<O> = {
              output: hit.output,
              provider: provider.name,
              model: provider.model,
              cached: true,
              usage: { inputTokens: 0, outputTokens: 0, costUsd: 0, latencyMs: now() - started },
            };
            await record(usageRecord(opts.shopId, "text", task.name, result, 0));
            return result;
          }
        }
        if (slot.breaker.state() === "open") {
          lastError = new AIError("provider_unavailable", `${provider.name} circuit is open`, {
            provider: provider.name,
          });
          continue;
        }
        reservation ??= await ledger.reserve(opts.shopId, cfg.quota?.textCredits ?? 1);

        const convo = [...messages];
        let inputTokens = 0;
        let outputTokens = 0;
        try {
          for (let repair = 0; ; repair++) {
            const tokens = countChatTokens(convo) + maxOutputTokens;
            const reply = await attempt(slot, tokens, signal, () =>
              provider.chat({ messages: convo, responseFormat, maxOutputTokens }, { signal, timeoutMs }),
            );
            inputTokens += reply.inputTokens;
            outputTokens += reply.outputTokens;
            const checked = validateOutput(task, reply.content, input, ctx);
            if (checked.ok) {
              const result: AIResult<O> = {
                output: checked.output,
                provider: provider.name,
                model: provider.model,
                cached: false,
                usage: {
                  inputTokens,
                  outputTokens,
                  costUsd: estimateCost(prices, provider.model, { inputTokens, outputTokens }),
                  latencyMs: now() - started,
                },
              };
              await reservation?.commit();
              reservation = undefined;
              await record(usageRecord(opts.shopId, "text", task.name, result, 0));
              await writeCache(cacheKey, { output: checked.output, inputTokens, outputTokens });
              return result;
            }
            if (repair >= 1) {
              throw new AIError(
                "invalid_output",
                `${provider.name} output for ${task.name} failed its contract after a repair`,
                {
                  provider: provider.name,
                  retryable: false,
                  details: { problems: checked.problems },
                },
              );
            }
            convo.push(
              { role: "assistant", content: reply.content ?? "" },
              { role: "user", content: repairMessage(checked.problems) },
            );
          }
        } catch (caught) {
          const error = toAIError(caught, provider.name);
          if (inputTokens + outputTokens > 0) {
            // The provider billed us for the failed attempt: record our cost, never the merchant's credits.
            const costUsd = estimateCost(prices, provider.model, { inputTokens, outputTokens });
            await record({
              shopId: opts.shopId,
              kind: "text",
              task: task.name,
              provider: provider.name,
              model: provider.model,
              inputTokens,
              outputTokens,
              images: 0,
              costUsd,
              latencyMs: now() - started,
              cached: false,
              at: now(),
            });
          }
          if (!fallsOver(error)) throw error;
          logger.warn("ai provider failed over", { provider: provider.name, code: error.code });
          lastError = error;
        }
      }

      if (!offlineAllowed) {
        throw (
          lastError ??
          new AIError("provider_unavailable", "No AI provider is configured", { retryable: false })
        );
      }
      if (signal?.aborted) throw abortedError(signal);
      const output = task.offline(input, ctx);
      const checked = validateOutput(task, JSON.stringify(output), input, ctx);
      if (!checked.ok) {
        throw new AIError("invalid_output", `Offline output for ${task.name} failed its contract`, {
          provider: "offline",
          retryable: false,
          details: { problems: checked.problems },
        });
      }
      const result: AIResult<O> = {
        output: checked.output,
        provider: "offline",
        model: OFFLINE_TEXT_MODEL,
        cached: false,
        usage: { inputTokens: 0, outputTokens: 0, costUsd: 0, latencyMs: now() - started },
      };
      await record(usageRecord(opts.shopId, "text", task.name, result, 0));
      return result;
    } finally {
      // Anything not committed is returned: failures and offline answers cost no credits.
      await reservation?.release();
    }
  }

  async function readCache<O>(task: AITask<unknown, O>, key: string): Promise<{ output: O } | undefined> {
    try {
      const hit = await cache.get<CachedText>(key);
      if (!hit) return undefined;
      const parsed = task.schema.safeParse(hit.output);
      return parsed.success ? { output: parsed.data } : undefined;
    } catch {
      return undefined; // a cache outage means a fresh call, never a failure
    }
  }

  async function writeCache(key: string, value: unknown): Promise<void> {
    if (cfg.cacheTtlMs === 0) return;
    try {
      await cache.set(key, value, { ttlMs: cfg.cacheTtlMs });
    } catch (error) {
      logger.warn("ai cache write failed", { code: isNinjaLeadError(error) ? error.code : "internal" });
    }
  }

  function usageRecord(
    shopId: string | undefined,
    kind: "text" | "image",
    task: string,
    result: Pick<AIResult<unknown>, "provider" | "model" | "cached" | "usage">,
    images: number,
  ): UsageRecord {
    return {
      shopId,
      kind,
      task,
      provider: result.provider,
      model: result.model,
      inputTokens: result.usage.inputTokens,
      outputTokens: result.usage.outputTokens,
      images,
      costUsd: result.usage.costUsd,
      latencyMs: result.usage.latencyMs,
      cached: result.cached,
      at: now(),
    };
  }

  async function map<I, O>(
    items: readonly I[],
    task: AITask<I, O>,
    options: MapOptions,
  ): Promise<Array<MapItemResult<O>>> {
    parseOrThrow(mapOptionsSchema, options, "AI map options", "bad_request");
    const { concurrency = 8, onProgress, ...runOptions } = options;
    const results = new Array<MapItemResult<O>>(items.length);
    let next = 0;
    let done = 0;
    let failed = 0;
    const worker = async (): Promise<void> => {
      for (;;) {
        const index = next++;
        if (index >= items.length) return;
        try {
          results[index] = { ok: true, result: await run(task, items[index] as I, runOptions) };
        } catch (error) {
          failed += 1;
          results[index] = {
            ok: false,
            error: isNinjaLeadError(error)
              ? error
              : new NinjaLeadError("internal", String(error), { cause: error }),
          };
        }
        done += 1;
        onProgress?.({ done, total: items.length, failed });
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
    return results;
  }

  async function image(request: ImageRequest): Promise<ImageResult> {
    const req = parseOrThrow(imageRequestSchema, request, "image request", "bad_request");
    const size = req.size ?? "1024x1024";
    const signal = req.signal;
    const started = now();
    let reservation: Reservation | undefined;
    let lastError: AIError | undefined;
    try {
      for (const slot of slots) {
        const { provider } = slot;
        const cacheKey = `ai:image:${await sha256Hex(
          stableStringify({ provider: provider.name, model: provider.imageModel, prompt: req.prompt, size }),
        )}`;
        if (req.cache !== "bypass") {
          const hit = await cache.get<{ key: string; contentType: string }>(cacheKey).catch(() => undefined);
          if (hit && (await store.has(hit.key))) {
            return { ...hit, provider: provider.name, model: provider.imageModel, cached: true };
          }
        }
        if (slot.breaker.state() === "open") continue;
        reservation ??= await ledger.reserve(req.shopId, cfg.quota?.imageCredits ?? 4);
        try {
          const reply = await attempt(slot, 0, signal, () =>
            provider.image({ prompt: req.prompt, size }, { signal, timeoutMs: cfg.timeoutMs }),
          );
          const key = await imageKey(reply);
          await store.put(key, { bytes: reply.bytes, contentType: reply.contentType });
          await reservation?.commit();
          reservation = undefined;
          const costUsd = estimateCost(prices, provider.imageModel, { images: 1 });
          const result: ImageResult = {
            key,
            contentType: reply.contentType,
            provider: provider.name,
            model: provider.imageModel,
            cached: false,
          };
          await record({
            shopId: req.shopId,
            kind: "image",
            task: "image",
            provider: provider.name,
            model: provider.imageModel,
            inputTokens: 0,
            outputTokens: 0,
            images: 1,
            costUsd,
            latencyMs: now() - started,
            cached: false,
            at: now(),
          });
          await writeCache(cacheKey, { key, contentType: reply.contentType });
          return result;
        } catch (caught) {
          const error = toAIError(caught, provider.name);
          if (!fallsOver(error)) throw error;
          lastError = error;
        }
      }
      if (!offlineAllowed) {
        throw (
          lastError ??
          new AIError("provider_unavailable", "No image provider is configured", { retryable: false })
        );
      }
      const svg = req.offlineSvg();
      const bytes = new TextEncoder().encode(svg);
      const contentType = "image/svg+xml";
      const key = await imageKey({ bytes, contentType });
      const { created } = await store.put(key, { bytes, contentType });
      return { key, contentType, provider: "offline", model: OFFLINE_IMAGE_MODEL, cached: !created };
    } finally {
      await reservation?.release();
    }
  }

  return {
    run,
    map,
    image,
    countTokens,
    images: store,
    balance: (shopId) => ledger.balance(shopId),
    usage: (shopId) => ledger.usage(shopId),
    providers: () =>
      slots.map((s) => ({
        name: s.provider.name,
        model: s.provider.model,
        imageModel: s.provider.imageModel,
        breaker: s.breaker.state(),
        limits: s.limiter.limits(),
      })),
  };
}

export type { ProviderName };
