import { parseOrThrow } from "../internal/zod.js";
import { callProvider, deadlineOf, fallsOver } from "./call.js";
import { cacheRead, cacheWrite, recordUsage, type EngineContext } from "./context.js";
import { AIError, toAIError } from "./errors.js";
import { sha256Hex, stableStringify } from "./hash.js";
import { imageKey } from "./images.js";
import type { Reservation } from "./ledger.js";
import { imageRequestSchema } from "./options.js";
import { estimateCost } from "./prices.js";
import type { ImageRequest, ImageResult, UsageRecord } from "./types.js";

export const OFFLINE_IMAGE_MODEL = "offline-svg";

/** `ai.image`: generate through the providers in order (offline: the caller's SVG), store by content hash. */
export async function runImage(engine: EngineContext, request: ImageRequest): Promise<ImageResult> {
  const { cfg, now, ledger, prices, store } = engine;
  const req = parseOrThrow(imageRequestSchema, request, "image request", "bad_request");
  const size = req.size ?? "1024x1024";
  const signal = req.signal;
  const deadline = deadlineOf(req.timeoutMs);
  const started = now();
  let reservation: Reservation | undefined;
  let lastError: AIError | undefined;
  try {
    for (const slot of engine.slots) {
      const { provider } = slot;
      const cacheKey = `ai:image:${await sha256Hex(
        stableStringify({ provider: provider.name, model: provider.imageModel, prompt: req.prompt, size }),
      )}`;
      if (req.cache !== "bypass") {
        const hit = await cacheRead<{ key: string; contentType: string }>(engine, cacheKey);
        if (hit && (await store.has(hit.key))) {
          const result: ImageResult = {
            ...hit,
            provider: provider.name,
            model: provider.imageModel,
            cached: true,
          };
          await recordUsage(engine, imageUsage(req.shopId, result, 0, now() - started, now()));
          return result;
        }
      }
      if (slot.breaker.state() === "open") continue;
      reservation ??= await ledger.reserve(req.shopId, cfg.quota?.imageCredits ?? 4);
      try {
        const reply = await callProvider(engine, slot, { tokens: 0, signal, deadline }, (timeoutMs) =>
          provider.image({ prompt: req.prompt, size }, { signal, timeoutMs }),
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
        await recordUsage(engine, imageUsage(req.shopId, result, costUsd, now() - started, now()));
        await cacheWrite(engine, cacheKey, { key, contentType: reply.contentType });
        return result;
      } catch (caught) {
        const error = toAIError(caught, provider.name);
        if (!fallsOver(error)) throw error;
        lastError = error;
      }
    }
    if (!engine.offlineAllowed) {
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
    const result: ImageResult = {
      key,
      contentType,
      provider: "offline",
      model: OFFLINE_IMAGE_MODEL,
      cached: !created,
    };
    await recordUsage(engine, imageUsage(req.shopId, result, 0, now() - started, now()));
    return result;
  } finally {
    await reservation?.release();
  }
}

function imageUsage(
  shopId: string | undefined,
  result: ImageResult,
  costUsd: number,
  latencyMs: number,
  at: number,
): UsageRecord {
  return {
    shopId,
    kind: "image",
    task: "image",
    provider: result.provider,
    model: result.model,
    inputTokens: 0,
    outputTokens: 0,
    // Only a newly generated image counts as one; a cache hit or a stored SVG cost nothing.
    images: result.cached || result.provider === "offline" ? 0 : 1,
    costUsd,
    latencyMs,
    cached: result.cached,
    at,
  };
}
