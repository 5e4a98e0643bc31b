import { parseOrThrow } from "../internal/zod.js";
import { callProvider, deadlineOf, fallsOver } from "./call.js";
import { cacheRead, cacheWrite, recordUsage, type EngineContext } from "./context.js";
import { abortedError, AIError, toAIError } from "./errors.js";
import { sha256Hex, stableStringify } from "./hash.js";
import type { Reservation } from "./ledger.js";
import { runOptionsSchema } from "./options.js";
import { estimateCost } from "./prices.js";
import type { ChatMessage } from "./provider.js";
import { repairMessage, responseFormatFor, validateOutput } from "./structured.js";
import { countChatTokens, countTokens } from "./tokens.js";
import type { AIResult, AITask, RunOptions, TaskContext, UsageRecord } from "./types.js";

export const OFFLINE_TEXT_MODEL = "offline-template";

interface CachedText {
  output: unknown;
  inputTokens: number;
  outputTokens: number;
}

/** `ai.run`: one task through the providers in order, then offline. */
export async function runTask<I, O>(
  engine: EngineContext,
  task: AITask<I, O>,
  input: I,
  options: RunOptions,
): Promise<AIResult<O>> {
  const { cfg, now, ledger, prices } = engine;
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
  const deadline = deadlineOf(opts.timeoutMs);
  let reservation: Reservation | undefined;
  let lastError: AIError | undefined;

  try {
    for (const slot of engine.slots) {
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
        const hit = await readCachedOutput(engine, task, cacheKey);
        if (hit) {
          const result: AIResult<O> = {
            output: hit.output,
            provider: provider.name,
            model: provider.model,
            cached: true,
            usage: { inputTokens: 0, outputTokens: 0, costUsd: 0, latencyMs: now() - started },
          };
          await recordUsage(engine, usageRecord(opts.shopId, task.name, result, now()));
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
          const reply = await callProvider(engine, slot, { tokens, signal, deadline }, (timeoutMs) =>
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
            await recordUsage(engine, usageRecord(opts.shopId, task.name, result, now()));
            await cacheWrite(engine, cacheKey, { output: checked.output, inputTokens, outputTokens });
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
          await recordUsage(engine, {
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
        engine.logger.warn("ai provider failed over", { provider: provider.name, code: error.code });
        lastError = error;
      }
    }

    if (!engine.offlineAllowed) {
      throw (
        lastError ?? new AIError("provider_unavailable", "No AI provider is configured", { retryable: false })
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
    await recordUsage(engine, usageRecord(opts.shopId, task.name, result, now()));
    return result;
  } finally {
    // Anything not committed is returned: failures and offline answers cost no credits.
    await reservation?.release();
  }
}

async function readCachedOutput<I, O>(
  engine: EngineContext,
  task: AITask<I, O>,
  key: string,
): Promise<{ output: O } | undefined> {
  const hit = await cacheRead<CachedText>(engine, key);
  if (!hit) return undefined;
  // Re-validated: what comes out of a shared cache is data, not trusted output.
  const parsed = task.schema.safeParse(hit.output);
  return parsed.success ? { output: parsed.data } : undefined;
}

function usageRecord(
  shopId: string | undefined,
  task: string,
  result: Pick<AIResult<unknown>, "provider" | "model" | "cached" | "usage">,
  at: number,
): UsageRecord {
  return {
    shopId,
    kind: "text",
    task,
    provider: result.provider,
    model: result.model,
    inputTokens: result.usage.inputTokens,
    outputTokens: result.usage.outputTokens,
    images: 0,
    costUsd: result.usage.costUsd,
    latencyMs: result.usage.latencyMs,
    cached: result.cached,
    at,
  };
}
