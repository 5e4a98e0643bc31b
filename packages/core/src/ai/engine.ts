import { createMemoryCache } from "../cache/memory.js";
import { silentLogger } from "../logger.js";
import { mapTasks } from "./batch.js";
import { CircuitBreaker, type BreakerState } from "./breaker.js";
import { resolveAIConfig, type AIConfig } from "./config.js";
import type { EngineContext, Slot } from "./context.js";
import { runImage } from "./generate-image.js";
import { runTask } from "./generate-text.js";
import { createMemoryImageStore, type ImageStore } from "./images.js";
import { QuotaLedger, type QuotaBalance, type UsageTotals } from "./ledger.js";
import { DEFAULT_PRICES } from "./prices.js";
import { createRemoteProvider } from "./provider.js";
import { RateLimiter, type RateLimits } from "./rate-limiter.js";
import { countTokens } from "./tokens.js";
import type {
  AIResult,
  AITask,
  ImageRequest,
  ImageResult,
  MapItemResult,
  MapOptions,
  RunOptions,
  TaskContext,
} from "./types.js";

export { OFFLINE_TEXT_MODEL } from "./generate-text.js";
export { OFFLINE_IMAGE_MODEL } from "./generate-image.js";

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

/**
 * Tokens of a task's prompt (system + user) with the o200k tokenizer: what `promptTokenBudget` limits.
 *
 * @example
 * expect(promptTokens(task, largestInput, { language: "de" })).toBeLessThanOrEqual(1_200);
 */
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
  const cfg = resolveAIConfig(config);
  const now = cfg.now ?? Date.now;
  const cache = cfg.cache ?? createMemoryCache();
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
  const engine: EngineContext = {
    cfg,
    now,
    random: cfg.random ?? Math.random,
    logger: cfg.logger ?? silentLogger,
    cache,
    store: cfg.imageStore ?? createMemoryImageStore(),
    prices: { ...DEFAULT_PRICES, ...cfg.prices },
    ledger: new QuotaLedger(cache, cfg.quota, now),
    slots,
    offlineAllowed: cfg.offline || slots.length === 0,
  };
  const run = <I, O>(task: AITask<I, O>, input: I, options: RunOptions): Promise<AIResult<O>> =>
    runTask(engine, task, input, options);

  return {
    run,
    map: (items, task, options) => mapTasks(run, items, task, options),
    image: (request) => runImage(engine, request),
    countTokens,
    images: engine.store,
    balance: (shopId) => engine.ledger.balance(shopId),
    usage: (shopId) => engine.ledger.usage(shopId),
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
