/**
 * The AI engine: every generation in NinjaLead (SEO fixes, personas, campaigns, import
 * optimisation) is an `AITask` run through `createAI()`, which tries OpenAI → xAI Grok →
 * offline and says which one answered.
 */
import type { AITask } from "./types.js";

export type {
  AITask,
  AIResult,
  AIUsage,
  ImageRequest,
  ImageResult,
  MapItemResult,
  MapOptions,
  MapProgress,
  ProviderName,
  RunOptions,
  TaskContext,
  TaskPrompt,
  UsageRecord,
} from "./types.js";
export {
  createAI,
  promptTokens,
  OFFLINE_TEXT_MODEL,
  OFFLINE_IMAGE_MODEL,
  type AIEngine,
  type ProviderStatus,
} from "./engine.js";
export { aiConfigFromEnv, OPENAI_DEFAULTS, XAI_DEFAULTS, type AIConfig } from "./config.js";
export { AIError, codeForStatus } from "./errors.js";
export { countTokens, countChatTokens } from "./tokens.js";
export { offlineText, createOfflineAvatarSvg, OFFLINE_PHRASES, type OfflinePhrase } from "./offline-text.js";
export { DEFAULT_PRICES, estimateCost, type ModelPrice, type PriceTable } from "./prices.js";
export { createMemoryImageStore, imageKey, type ImageStore, type StoredImage } from "./images.js";
export { createFileImageStore } from "./adapters.js";
export type { QuotaBalance, UsageTotals } from "./ledger.js";
export type { BreakerState } from "./breaker.js";
export type { RateLimits } from "./rate-limiter.js";

/**
 * Declares a task with full type inference of its input and output; returns it unchanged.
 *
 * @example
 * const altText = defineTask({
 *   name: "seo.alt-text",
 *   schema: z.object({ alt: z.string().max(125) }),
 *   prompt: (p: { title: string }, ctx) => ({ system: `Write alt text in ${ctx.language}.`, user: p.title }),
 *   offline: (p, ctx) => ({ alt: offlineText.phrase(ctx.language, "altText", { title: p.title }) }),
 * });
 */
export function defineTask<I, O>(task: AITask<I, O>): AITask<I, O> {
  return task;
}
