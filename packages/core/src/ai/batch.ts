import { isNinjaLeadError, NinjaLeadError } from "../errors/index.js";
import { parseOrThrow } from "../internal/zod.js";
import { mapOptionsSchema } from "./options.js";
import type { AIResult, AITask, MapItemResult, MapOptions, RunOptions } from "./types.js";

/**
 * `ai.map`: runs `task` over `items` with `concurrency` workers; results keep the items' order
 * and a failed item never fails the batch. Pacing is the rate limiter's job, not the pool's.
 */
export async function mapTasks<I, O>(
  run: (task: AITask<I, O>, input: I, options: RunOptions) => Promise<AIResult<O>>,
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
