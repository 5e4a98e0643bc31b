import type { z } from "zod";
import type { NinjaLeadError } from "../errors/index.js";
import type { Language } from "../i18n/index.js";

/** What every prompt builder and offline generator knows about the call besides its input. */
export interface TaskContext {
  language: Language;
}

/** The messages a task sends, and how many output tokens it allows. */
export interface TaskPrompt {
  system: string;
  user: string;
  maxOutputTokens?: number;
}

/**
 * One kind of generation (an SEO fix, a persona, a campaign email…): its output schema, how to
 * prompt a model, how to produce the same shape offline, and the caller's limits.
 */
export interface AITask<I, O> {
  /** e.g. "seo.fixes"; part of the cache key. */
  name: string;
  /** Structured output, sent as a strict json_schema response format. */
  schema: z.ZodType<O>;
  prompt(input: I, ctx: TaskContext): TaskPrompt;
  /** Deterministic generator from the input only: the demo default and the last resort. */
  offline(input: I, ctx: TaskContext): O;
  /** Caller limits (length, keyword, language…); a non-empty list → one repair attempt, then `invalid_output`. */
  check?(output: O, input: I, ctx: TaskContext): string[];
  /** prompt() output must fit in this many o200k tokens (system + user). */
  promptTokenBudget?: number;
}

export type ProviderName = "openai" | "xai" | "offline";

export interface RunOptions {
  language: Language;
  /** Whose credits pay for the call and whose usage it is recorded under. */
  shopId?: string;
  signal?: AbortSignal;
  /**
   * Deadline for the whole call (retries and fallbacks included); when it passes, the offline
   * answer is returned if allowed, else a `timeout` error. Each HTTP attempt is also capped by
   * the engine's `timeoutMs`.
   */
  timeoutMs?: number;
  /** "bypass" skips reading the response cache (the fresh answer is still stored). */
  cache?: "use" | "bypass";
}

export interface AIUsage {
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  latencyMs: number;
}

export interface AIResult<O> {
  output: O;
  provider: ProviderName;
  model: string;
  cached: boolean;
  usage: AIUsage;
}

export interface MapProgress {
  done: number;
  total: number;
  failed: number;
}

export type MapOptions = RunOptions & {
  concurrency?: number;
  onProgress?: (p: MapProgress) => void;
};

export type MapItemResult<O> = { ok: true; result: AIResult<O> } | { ok: false; error: NinjaLeadError };

export interface ImageRequest {
  prompt: string;
  size?: "1024x1024" | "512x512";
  shopId?: string;
  /** The SVG used when no provider is configured or all failed. */
  offlineSvg: () => string;
  signal?: AbortSignal;
  /** Deadline for the whole call, as in `RunOptions`. */
  timeoutMs?: number;
  cache?: "use" | "bypass";
}

export interface ImageResult {
  /** Content-hash key in the image store. */
  key: string;
  contentType: string;
  provider: ProviderName;
  model: string;
  cached: boolean;
}

/** One usage record per call that reached a provider (or the offline generator). */
export interface UsageRecord {
  shopId: string | undefined;
  kind: "text" | "image";
  task: string;
  provider: ProviderName;
  model: string;
  inputTokens: number;
  outputTokens: number;
  images: number;
  costUsd: number;
  latencyMs: number;
  cached: boolean;
  at: number;
}
