import { parseOrThrow } from "../internal/zod.js";
import { callProvider, fallsOver } from "./call.js";
import { cacheRead, cacheWrite, recordUsage, type EngineContext } from "./context.js";
import { AIError, toAIError } from "./errors.js";
import { sha256Hex, stableStringify } from "./hash.js";
import { imageKey } from "./images.js";
import type { Reservation } from "./ledger.js";
import { imageRequestSchema } from "./options.js";
import { estimateCost } from "./prices.js";
import type { ImageRequest, ImageResult } from "./types.js";

export const OFFLINE_IMAGE_MODEL = "offline-svg";

/** `ai.image`: generate through the providers in order (offline: the caller's SVG), store by content hash. */
export async function runImage(engine: EngineContext, request: ImageRequest): Promise<ImageResult> {
  const { cfg, now, ledger, prices, store } = engine;
  const req = parseOrThrow(imageRequestSchema, request, "image request", "bad_request");
  const size = req.size ?? "1024x1024";
  const signal = req.signal;
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
          return { ...hit, provider: provider.name, model: provider.imageModel, cached: true };
        }
      }
      if (slot.breaker.state() === "open") continue;
      reservation ??= await ledger.reserve(req.shopId, cfg.quota?.imageCredits ?? 4);
      try {
        const reply = await callProvider(engine, slot, 0, signal, () =>
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
        await recordUsage(engine, {
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
    return { key, contentType, provider: "offline", model: OFFLINE_IMAGE_MODEL, cached: !created };
  } finally {
    await reservation?.release();
  }
}
