import { z } from "zod";
import { LANGUAGES } from "../i18n/index.js";

// Duck-typed rather than `instanceof`, so signals from another realm (jsdom, a worker) pass.
const abortSignal = z.custom<AbortSignal>(
  (v) =>
    typeof v === "object" &&
    v !== null &&
    typeof (v as { aborted?: unknown }).aborted === "boolean" &&
    typeof (v as { addEventListener?: unknown }).addEventListener === "function",
  "must be an AbortSignal",
);
const fn = <T>() => z.custom<T>((v) => typeof v === "function", "must be a function");

export const runOptionsSchema = z.object({
  language: z.enum(LANGUAGES),
  shopId: z.string().min(1).optional(),
  signal: abortSignal.optional(),
  timeoutMs: z.number().int().positive().optional(),
  cache: z.enum(["use", "bypass"]).optional(),
});

export const mapOptionsSchema = runOptionsSchema.extend({
  concurrency: z.number().int().min(1).max(256).optional(),
  onProgress: fn<() => void>().optional(),
});

export const imageRequestSchema = z.object({
  prompt: z.string().trim().min(1).max(4_000),
  size: z.enum(["1024x1024", "512x512"]).optional(),
  shopId: z.string().min(1).optional(),
  offlineSvg: fn<() => string>(),
  signal: abortSignal.optional(),
  timeoutMs: z.number().int().positive().optional(),
  cache: z.enum(["use", "bypass"]).optional(),
});
