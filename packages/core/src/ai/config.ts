import { z } from "zod";
import type { Cache } from "../cache/types.js";
import type { Logger } from "../logger.js";
import { parseOrThrow } from "../internal/zod.js";
import type { ImageStore } from "./images.js";
import type { PriceTable } from "./prices.js";
import type { UsageRecord } from "./types.js";

const rateLimitsSchema = z.object({
  rpm: z.number().positive().optional(),
  tpm: z.number().positive().optional(),
});

const providerSchema = (defaults: { baseURL: string; model: string; imageModel: string }) =>
  z.object({
    apiKey: z.string().min(1, "apiKey must not be empty"),
    baseURL: z.url().default(defaults.baseURL),
    model: z.string().min(1).default(defaults.model),
    imageModel: z.string().min(1).default(defaults.imageModel),
    /** Known limits of the account; learnt from x-ratelimit-* headers when absent. */
    rateLimits: rateLimitsSchema.optional(),
  });

export const OPENAI_DEFAULTS = {
  baseURL: "https://api.openai.com/v1",
  model: "gpt-4.1-mini",
  imageModel: "gpt-image-1",
};
export const XAI_DEFAULTS = {
  baseURL: "https://api.x.ai/v1",
  model: "grok-3-mini",
  imageModel: "grok-2-image-1212",
};

const isFunction = (v: unknown): boolean => typeof v === "function";

export const aiConfigSchema = z.object({
  openai: providerSchema(OPENAI_DEFAULTS).optional(),
  xai: providerSchema(XAI_DEFAULTS).optional(),
  /** Whether the offline generator may answer (always when no provider is configured). */
  offline: z.boolean().default(true),
  cache: z
    .custom<Cache>((v) => typeof v === "object" && v !== null && "increment" in v, "must be a Cache")
    .optional(),
  cacheTtlMs: z
    .number()
    .int()
    .nonnegative()
    .default(24 * 60 * 60 * 1_000),
  imageStore: z
    .custom<ImageStore>((v) => typeof v === "object" && v !== null && "put" in v, "must be an ImageStore")
    .optional(),
  /** Per HTTP attempt (a call's own `timeoutMs` bounds the whole call). */
  timeoutMs: z.number().int().positive().default(60_000),
  defaultMaxOutputTokens: z.number().int().positive().default(1_024),
  retry: z
    .object({
      maxRetries: z.number().int().min(0).max(10).default(2),
      baseDelayMs: z.number().nonnegative().default(500),
      maxDelayMs: z.number().nonnegative().default(8_000),
      maxRetryAfterMs: z.number().nonnegative().default(60_000),
    })
    .prefault({}),
  breaker: z
    .object({
      failureThreshold: z.number().int().positive().default(5),
      cooldownMs: z.number().nonnegative().default(30_000),
    })
    .prefault({}),
  quota: z
    .object({
      /** Credits each shop may spend per window (calls without `shopId` are not metered). */
      creditsPerShop: z.number().int().nonnegative(),
      /** Length of a credit window; absent = credits never renew. */
      windowMs: z.number().int().positive().optional(),
      textCredits: z.number().int().positive().default(1),
      imageCredits: z.number().int().positive().default(4),
    })
    .optional(),
  prices: z
    .custom<PriceTable>((v) => typeof v === "object" && v !== null, "must be a price table")
    .optional(),
  /** Called once per call that produced output, for the app to persist usage. */
  onUsage: z.custom<(record: UsageRecord) => void>(isFunction, "must be a function").optional(),
  logger: z
    .custom<Logger>((v) => typeof v === "object" && v !== null && "warn" in v, "must be a Logger")
    .optional(),
  /** Clock, injectable for tests of the breaker, buckets and quota windows. */
  now: z.custom<() => number>(isFunction, "must be a function").optional(),
  /** Random source for retry jitter. */
  random: z.custom<() => number>(isFunction, "must be a function").optional(),
});

/** What `createAI` accepts; every field is optional (no provider keys → offline only). */
export type AIConfig = z.input<typeof aiConfigSchema>;
export type ResolvedAIConfig = z.output<typeof aiConfigSchema>;

/** Validates the whole config once, reporting every bad field in one `invalid_config` error. */
export function resolveAIConfig(config: AIConfig): ResolvedAIConfig {
  return parseOrThrow(aiConfigSchema, config, "AI config", "invalid_config");
}

/**
 * Builds the provider part of an AIConfig from environment variables: OPENAI_API_KEY,
 * OPENAI_BASE_URL, OPENAI_MODEL, OPENAI_IMAGE_MODEL, and the same with the XAI_ prefix.
 * Empty values count as absent.
 *
 * @example
 * const ai = createAI({ ...aiConfigFromEnv(process.env), cache });
 */
export function aiConfigFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): Pick<AIConfig, "openai" | "xai"> {
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const provider = (prefix: "OPENAI" | "XAI") => {
    const apiKey = read(`${prefix}_API_KEY`);
    if (!apiKey) return undefined;
    const baseURL = read(`${prefix}_BASE_URL`);
    const model = read(`${prefix}_MODEL`);
    const imageModel = read(`${prefix}_IMAGE_MODEL`);
    return {
      apiKey,
      ...(baseURL ? { baseURL } : {}),
      ...(model ? { model } : {}),
      ...(imageModel ? { imageModel } : {}),
    };
  };
  const openai = provider("OPENAI");
  const xai = provider("XAI");
  return { ...(openai ? { openai } : {}), ...(xai ? { xai } : {}) };
}
